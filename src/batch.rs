//! Bounded batches in parallel, written in input order.
//!
//! Input: a producer that pushes items (documents, input lines) one at a
//! time. Output: for each item, the result of a work function, handed to a
//! consumer batch by batch in input order. Used by `extract` between the
//! input stage and the writer.
//!
//! With one thread everything runs on the calling thread. With more, three
//! stages overlap: a reading thread fills the next batch while a rayon pool
//! works on the current one and the calling thread writes the one before.
//! The channels between them hold no batch (rendezvous), so at most three
//! batches live at once: memory is bounded by the batch limits, whatever
//! the size of the input. The output order never depends on scheduling,
//! so the bytes are the same for any thread count.

use std::sync::mpsc;

use rayon::prelude::*;

/// When a batch is full.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// At most this many items.
    pub items: usize,
    /// At most about this many bytes (the weight the producer gives): a
    /// single larger item makes a batch of its own.
    pub bytes: usize,
}

impl Default for Limits {
    fn default() -> Limits {
        // 256 news articles are about a megabyte: enough work to share
        // out evenly, small enough that memory stays flat.
        Limits { items: 256, bytes: 16 << 20 }
    }
}

/// The producer's handle: push items, and say when to stop waiting.
pub struct Feeder<'a, T> {
    batch: Vec<T>,
    bytes: usize,
    limits: Limits,
    dispatch: &'a mut dyn FnMut(&mut Vec<T>) -> bool,
}

impl<T> Feeder<'_, T> {
    /// Adds an item of about `weight` bytes. `false`: the consumer has
    /// stopped (a closed output), so the producer should stop too.
    pub fn push(&mut self, item: T, weight: usize) -> bool {
        self.batch.push(item);
        self.bytes += weight;
        if self.batch.len() >= self.limits.items
            || self.bytes >= self.limits.bytes
        {
            return self.flush();
        }
        true
    }

    /// Sends the items pushed so far on, without waiting for a full batch:
    /// a producer calls this before it blocks on a slow input, so that a
    /// client that waits for each answer gets it.
    pub fn flush(&mut self) -> bool {
        if self.batch.is_empty() {
            return true;
        }
        self.bytes = 0;
        (self.dispatch)(&mut self.batch)
    }
}

/// Runs `produce`, applies `work` to each item on `threads` threads (the
/// state from `init` is reused across the items of one thread's share),
/// and gives each batch with its outputs to `consume`, in input order. A
/// `consume` returning `false` stops the run. Fails, before any item is
/// read, only when the threads cannot be started (`-j 1000` under a
/// memory limit): the caller says so and exits, never a panic.
pub fn run<T, S, O, P, I, W, C>(
    threads: usize,
    limits: Limits,
    produce: P,
    init: I,
    work: W,
    mut consume: C,
) -> std::io::Result<()>
where
    T: Send + Sync,
    O: Default + Send,
    P: FnOnce(&mut Feeder<'_, T>) + Send,
    I: Fn() -> S + Sync,
    W: Fn(&mut S, &T, &mut O) + Sync,
    C: FnMut(&[T], &[O]) -> bool,
{
    if threads <= 1 {
        let mut state = init();
        let mut outs: Vec<O> = Vec::new();
        let mut dispatch = |batch: &mut Vec<T>| {
            outs.resize_with(batch.len(), O::default);
            for (item, out) in batch.iter().zip(outs.iter_mut()) {
                work(&mut state, item, out);
            }
            let go = consume(batch, &outs[..batch.len()]);
            batch.clear();
            go
        };
        let mut feeder = Feeder {
            batch: Vec::new(),
            bytes: 0,
            limits,
            dispatch: &mut dispatch,
        };
        produce(&mut feeder);
        feeder.flush();
        return Ok(());
    }
    let cannot_start = |e: &dyn std::fmt::Display| {
        std::io::Error::other(format!(
            "cannot start {threads} worker threads ({e}): try fewer with -j"
        ))
    };
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .thread_name(|i| format!("whosaid-worker-{i}"))
        .build()
        .map_err(|e| cannot_start(&e))?;
    let (to_work, for_work) = mpsc::sync_channel::<Vec<T>>(0);
    let (to_write, for_write) = mpsc::sync_channel::<(Vec<T>, Vec<O>)>(0);
    // Emptied batches and output slots go back to be filled again.
    let (recycle_batch, reuse_batch) = mpsc::channel::<Vec<T>>();
    let (recycle_outs, reuse_outs) = mpsc::channel::<Vec<O>>();
    std::thread::scope(|s| {
        // A thread that cannot start drops its closure, and with it its
        // end of the channels: the other stages then stop by themselves.
        let reader = std::thread::Builder::new()
            .name("whosaid-reader".into())
            .spawn_scoped(s, move || {
                let mut dispatch = |batch: &mut Vec<T>| {
                    let next = reuse_batch.try_recv().unwrap_or_default();
                    to_work.send(std::mem::replace(batch, next)).is_ok()
                };
                let mut feeder = Feeder {
                    batch: Vec::new(),
                    bytes: 0,
                    limits,
                    dispatch: &mut dispatch,
                };
                produce(&mut feeder);
                feeder.flush();
            });
        reader.map_err(|e| cannot_start(&e))?;
        let work = &work;
        let init = &init;
        let dispatcher = std::thread::Builder::new()
            .name("whosaid-dispatch".into())
            .spawn_scoped(s, move || {
                for batch in for_work {
                    let mut outs = reuse_outs.try_recv().unwrap_or_default();
                    outs.resize_with(batch.len(), O::default);
                    pool.install(|| {
                        batch
                            .par_iter()
                            .zip(outs.par_iter_mut())
                            .for_each_init(init, |state, (item, out)| {
                                work(state, item, out)
                            });
                    });
                    if to_write.send((batch, outs)).is_err() {
                        return;
                    }
                }
            });
        dispatcher.map_err(|e| cannot_start(&e))?;
        for (mut batch, outs) in for_write {
            if !consume(&batch, &outs[..batch.len()]) {
                // Dropping the receiver ends the other two stages.
                return Ok(());
            }
            batch.clear();
            let _ = recycle_batch.send(batch);
            let _ = recycle_outs.send(outs);
        }
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn squares(threads: usize, n: usize, limits: Limits) -> Vec<u64> {
        let mut got = Vec::new();
        run(
            threads,
            limits,
            |f: &mut Feeder<'_, u64>| {
                for i in 0..n as u64 {
                    if !f.push(i, 1) {
                        return;
                    }
                }
            },
            || (),
            |_, &i, out: &mut u64| *out = i * i,
            |items, outs| {
                assert_eq!(items.len(), outs.len());
                got.extend_from_slice(outs);
                true
            },
        )
        .unwrap();
        got
    }

    #[test]
    fn output_keeps_input_order_for_any_thread_count() {
        let want: Vec<u64> = (0..10_000u64).map(|i| i * i).collect();
        for threads in [1, 2, 3, 8] {
            let limits = Limits { items: 7, bytes: 1 << 20 };
            assert_eq!(squares(threads, 10_000, limits), want, "{threads}");
        }
        assert_eq!(squares(2, 0, Limits::default()), Vec::<u64>::new());
    }

    #[test]
    fn a_consumer_that_stops_stops_the_producer() {
        let mut pushed = 0;
        let mut batches = 0;
        run(
            2,
            Limits { items: 10, bytes: 1 << 20 },
            |f: &mut Feeder<'_, u32>| {
                for i in 0..1_000_000 {
                    pushed += 1;
                    if !f.push(i, 1) {
                        return;
                    }
                }
            },
            || (),
            |_, _, _: &mut u32| {},
            |_, _| {
                batches += 1;
                batches < 3
            },
        )
        .unwrap();
        assert_eq!(batches, 3);
        // Three batches at most are in flight when the consumer stops.
        assert!(pushed <= 70, "{pushed}");
    }
}
