//! Issue 9: never destroy a file, never hang, never run out of memory on
//! one document. Each case runs the built binary against the file system
//! (FIFOs, device nodes, links, modes, signals, memory limits) and checks
//! what is on disk afterwards, its messages and its exit status.

use std::fs;
use std::io::Write;
use std::os::unix::fs::{FileTypeExt, MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_whosaid");

const GOOD: &str = "\"We are ready,\" Sergey Lavrov told reporters.\n";

fn run(dir: &Path, args: &[&str]) -> Output {
    Command::new(BIN)
        .current_dir(dir)
        .args(args)
        .stdin(Stdio::null())
        .output()
        .expect("run whosaid")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(&path, bytes).unwrap();
    path
}

fn mkfifo(path: &Path) {
    let c =
        std::ffi::CString::new(path.as_os_str().as_encoded_bytes()).unwrap();
    // SAFETY: a valid C string; mkfifo only creates a node.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o644) }, 0, "mkfifo");
}

/// No temporary file is left in `dir`.
fn no_temp_left(dir: &Path) {
    for e in fs::read_dir(dir).unwrap() {
        let name = e.unwrap().file_name();
        let name = name.to_string_lossy();
        assert!(!name.starts_with(".whosaid-"), "left behind: {name}");
    }
}

/// Reads a FIFO to its end on a thread, as a consumer would.
fn drain(fifo: PathBuf) -> std::thread::JoinHandle<Vec<u8>> {
    std::thread::spawn(move || fs::read(fifo).unwrap())
}

#[test]
fn output_to_a_fifo_writes_into_it_and_keeps_it_a_fifo() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.txt", GOOD.as_bytes());
    let fifo = dir.path().join("pipe");
    mkfifo(&fifo);
    let reader = drain(fifo.clone());
    let o = run(dir.path(), &["extract", "a.txt", "-o", "pipe"]);
    let got = reader.join().unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(got.starts_with(b"doc_id,quote_id,"), "{got:?}");
    assert!(String::from_utf8_lossy(&got).contains("We are ready,"));
    assert!(fs::symlink_metadata(&fifo).unwrap().file_type().is_fifo());
    no_temp_left(dir.path());
}

#[test]
fn output_to_a_link_to_a_fifo_keeps_the_link_and_the_fifo() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.txt", GOOD.as_bytes());
    let fifo = dir.path().join("pipe");
    mkfifo(&fifo);
    std::os::unix::fs::symlink("pipe", dir.path().join("link")).unwrap();
    let reader = drain(fifo.clone());
    let o = run(dir.path(), &["extract", "a.txt", "-o", "link"]);
    let got = reader.join().unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(got.starts_with(b"doc_id,quote_id,"));
    let link = fs::symlink_metadata(dir.path().join("link")).unwrap();
    assert!(link.file_type().is_symlink());
    assert!(fs::symlink_metadata(&fifo).unwrap().file_type().is_fifo());
}

/// A character device like /dev/null, made in the temporary folder with
/// mknod (root can; the suite runs as root in CI). Without the
/// privilege, a link to the real /dev/null stands in: renaming over it
/// would replace the link, which the test sees just as well.
fn null_device(dir: &Path) -> (PathBuf, bool) {
    let path = dir.join("null");
    let c =
        std::ffi::CString::new(path.as_os_str().as_encoded_bytes()).unwrap();
    // SAFETY: a valid C string; makedev(1, 3) is /dev/null's number.
    let made = unsafe {
        libc::mknod(c.as_ptr(), libc::S_IFCHR | 0o666, libc::makedev(1, 3))
    } == 0;
    if !made {
        eprintln!("mknod not permitted: testing a link to /dev/null");
        std::os::unix::fs::symlink("/dev/null", &path).unwrap();
    }
    (path, made)
}

#[test]
fn output_to_a_device_node_writes_to_the_device_and_keeps_the_node() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.txt", GOOD.as_bytes());
    let (dev, made) = null_device(dir.path());
    let before = fs::symlink_metadata(&dev).unwrap();
    for args in [
        &["extract", "a.txt", "-o", "null"][..],
        &["speakers", "a.txt", "-o", "null"],
        &["report", "a.txt", "-o", "null"],
    ] {
        let o = run(dir.path(), args);
        assert_eq!(o.status.code(), Some(0), "{args:?}: {}", stderr(&o));
        let after = fs::symlink_metadata(&dev).unwrap();
        assert_eq!(after.ino(), before.ino(), "{args:?}: node replaced");
        if made {
            assert!(after.file_type().is_char_device(), "{args:?}");
            assert_eq!(after.rdev(), libc::makedev(1, 3));
        } else {
            assert!(after.file_type().is_symlink(), "{args:?}");
        }
        no_temp_left(dir.path());
    }
    assert!(fs::metadata("/dev/null").unwrap().file_type().is_char_device());
}

#[test]
fn output_through_a_link_to_a_file_keeps_the_link_and_the_mode() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.txt", GOOD.as_bytes());
    let target = write(dir.path(), "tables/quotes.csv", b"old\n");
    fs::set_permissions(&target, fs::Permissions::from_mode(0o664)).unwrap();
    std::os::unix::fs::symlink("tables/quotes.csv", dir.path().join("q.csv"))
        .unwrap();
    let o = run(dir.path(), &["extract", "a.txt", "-o", "q.csv"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let link = fs::symlink_metadata(dir.path().join("q.csv")).unwrap();
    assert!(link.file_type().is_symlink(), "the link was replaced");
    let table = fs::read_to_string(&target).unwrap();
    assert!(table.contains("We are ready,"), "{table}");
    let mode = fs::metadata(&target).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o664);
    no_temp_left(&dir.path().join("tables"));
}

#[test]
fn a_new_table_gets_the_umask_mode_and_an_old_one_keeps_its_own() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.txt", GOOD.as_bytes());
    // The child runs under umask 022, whatever this process has.
    let with_umask = |args: &str| {
        Command::new("sh")
            .current_dir(dir.path())
            .args(["-c", &format!("umask 022; exec \"$0\" {args}"), BIN])
            .output()
            .unwrap()
    };
    let o = with_umask("extract a.txt -o new.csv");
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let mode = |p: &str| {
        fs::metadata(dir.path().join(p)).unwrap().permissions().mode() & 0o777
    };
    assert_eq!(mode("new.csv"), 0o644);
    let o = with_umask("speakers a.txt -o speakers.csv");
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(mode("speakers.csv"), 0o644);
    let old = write(dir.path(), "old.csv", b"x\n");
    fs::set_permissions(&old, fs::Permissions::from_mode(0o664)).unwrap();
    let o = with_umask("extract a.txt -o old.csv");
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(mode("old.csv"), 0o664);
    assert!(fs::read_to_string(&old).unwrap().contains("We are ready,"));
}

#[test]
fn output_that_is_an_input_is_refused_before_any_work() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.txt", GOOD.as_bytes());
    std::os::unix::fs::symlink("a.txt", dir.path().join("alias.txt")).unwrap();
    fs::hard_link(dir.path().join("a.txt"), dir.path().join("hard.txt"))
        .unwrap();
    for (input, out) in [
        ("a.txt", "a.txt"),
        ("a.txt", "./a.txt"),
        ("a.txt", "alias.txt"),
        ("alias.txt", "hard.txt"),
    ] {
        for cmd in ["extract", "speakers", "report"] {
            let o = run(dir.path(), &[cmd, input, "-o", out]);
            let err = stderr(&o);
            assert_eq!(o.status.code(), Some(2), "{cmd} {input} {out}: {err}");
            assert!(err.contains("input file is output file"), "{err}");
            assert_eq!(
                fs::read_to_string(dir.path().join("a.txt")).unwrap(),
                GOOD,
                "{cmd} {input} -o {out} changed the article"
            );
        }
    }
}

#[test]
fn output_dash_is_standard_output_and_leaves_no_file_called_dash() {
    let dir = tempfile::tempdir().unwrap();
    // Six words or more: trace skips shorter quotes.
    let long = "\"We are ready to talk about the treaty,\" Sergey Lavrov said.\n";
    write(dir.path(), "a.txt", long.as_bytes());
    for cmd in ["extract", "speakers", "report", "trace"] {
        let o = run(dir.path(), &[cmd, "a.txt", "-o", "-"]);
        assert_eq!(o.status.code(), Some(0), "{cmd}: {}", stderr(&o));
        let table = String::from_utf8_lossy(&o.stdout);
        assert!(table.contains("Lavrov"), "{cmd} -o - wrote {table:?}");
        assert!(!dir.path().join("-").exists(), "{cmd} -o - made a file '-'");
    }
    // Two tables cannot both go to standard output.
    let o = run(dir.path(), &["trace", "a.txt", "--occurrences", "-"]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("give -o FILE"), "{}", stderr(&o));
    let o = run(dir.path(), &["trace", "a.txt", "-o", "t.csv", "--occurrences", "-"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(String::from_utf8_lossy(&o.stdout).contains("Lavrov"));
    assert!(!dir.path().join("-").exists());
}

#[test]
fn output_that_the_walk_would_read_back_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "news/a.txt", GOOD.as_bytes());
    for out in ["news/table.txt", "news/sub/t.jsonl"] {
        let o = run(dir.path(), &["extract", "news", "-o", out]);
        let err = stderr(&o);
        assert_eq!(o.status.code(), Some(2), "{out}: {err}");
        assert!(err.contains("the walk would read it back"), "{err}");
        assert!(!dir.path().join(out).exists());
    }
    // A name the walk does not read is fine, even inside the folder.
    let o = run(dir.path(), &["extract", "news", "-o", "news/table.csv"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let o = run(dir.path(), &["extract", "news", "-o", "news/table.csv"]);
    assert!(stderr(&o).contains("1 documents read"), "{}", stderr(&o));
}

#[test]
fn a_typo_in_the_only_input_leaves_the_old_table_untouched() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "seeds/a.txt", GOOD.as_bytes());
    let o = run(dir.path(), &["extract", "seeds", "-o", "out/quotes.csv"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let table = dir.path().join("out/quotes.csv");
    let yesterday = fs::read(&table).unwrap();
    for cmd in ["extract", "speakers", "report"] {
        let o = run(dir.path(), &[cmd, "sedes", "-o", "out/quotes.csv"]);
        let err = stderr(&o);
        assert_eq!(o.status.code(), Some(2), "{cmd}: {err}");
        assert!(err.contains("sedes: cannot open: no such file"), "{err}");
        assert!(err.contains("left as it was"), "{err}");
        assert_eq!(fs::read(&table).unwrap(), yesterday, "{cmd}");
        no_temp_left(&dir.path().join("out"));
    }
    // One good input among bad ones: written, exit 1.
    let o = run(dir.path(), &["extract", "sedes", "seeds", "-o", "x.csv"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(dir.path().join("x.csv").exists());
}

#[test]
fn a_folder_with_a_fifo_a_device_link_and_a_root_link_does_not_hang() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "news/a.txt", GOOD.as_bytes());
    mkfifo(&dir.path().join("news/pipe.txt"));
    let link = |to: &str, name: &str| {
        std::os::unix::fs::symlink(to, dir.path().join("news").join(name))
            .unwrap()
    };
    link("/dev/zero", "zero.txt");
    link("/", "root");
    link("a.txt", "b.txt");
    let mut child = Command::new(BIN)
        .current_dir(dir.path())
        .args(["extract", "news"])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > Duration::from_secs(30) {
            let _ = child.kill();
            panic!("extract hung on a folder with a FIFO");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let o = child.wait_with_output().unwrap();
    let err = stderr(&o);
    assert!(err.contains("news/pipe.txt: warning: a FIFO"), "{err}");
    assert!(
        err.contains("news/zero.txt: warning: a character device"),
        "{err}"
    );
    assert!(err.contains("news/root: warning: symbolic link to a folder"));
    // The link to a file is read: a.txt and b.txt.
    assert!(err.contains("2 documents read, 2 processed"), "{err}");
    assert_eq!(o.status.code(), Some(0), "{err}");
}

#[test]
fn sigterm_and_sigint_remove_the_temporary_file() {
    for (sig, code) in [(libc::SIGTERM, 143), (libc::SIGINT, 130)] {
        let dir = tempfile::tempdir().unwrap();
        let old = write(dir.path(), "quotes.csv", b"yesterday\n");
        // Standard input stays open: the run waits inside it, with its
        // temporary file made.
        let mut child = Command::new(BIN)
            .current_dir(dir.path())
            .args(["extract", "-", "-o", "quotes.csv"])
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut stdin = child.stdin.take().unwrap();
        stdin.write_all(b"\"Hi,\" he said.\n").unwrap();
        let start = Instant::now();
        let has_temp = || {
            fs::read_dir(dir.path()).unwrap().any(|e| {
                e.unwrap()
                    .file_name()
                    .to_string_lossy()
                    .starts_with(".whosaid-")
            })
        };
        while !has_temp() {
            assert!(start.elapsed() < Duration::from_secs(20), "no temp");
            std::thread::sleep(Duration::from_millis(20));
        }
        // SAFETY: signals our own child.
        unsafe { libc::kill(child.id() as i32, sig) };
        let status = child.wait().unwrap();
        drop(stdin);
        assert_eq!(status.code(), Some(code), "signal {sig}");
        no_temp_left(dir.path());
        assert_eq!(fs::read(&old).unwrap(), b"yesterday\n");
    }
}

/// Runs the binary under `ulimit -v` (KiB of address space).
fn under_ulimit(dir: &Path, kib: u64, args: &str) -> Output {
    Command::new("sh")
        .current_dir(dir)
        .args(["-c", &format!("ulimit -v {kib}; exec \"$0\" {args}"), BIN])
        .stdin(Stdio::null())
        .output()
        .unwrap()
}

#[test]
fn a_200_mb_record_is_skipped_by_id_under_a_memory_limit() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("dump.jsonl");
    let mut f = std::io::BufWriter::new(fs::File::create(&path).unwrap());
    writeln!(f, "{{\"id\":\"small\",\"text\":{GOOD:?}}}").unwrap();
    write!(f, "{{\"id\":\"huge\",\"text\":\"").unwrap();
    let chunk = "Lavrov said it was fine. ".repeat(4000);
    let mut n = 0;
    while n < 200 << 20 {
        f.write_all(chunk.as_bytes()).unwrap();
        n += chunk.len();
    }
    writeln!(f, "\"}}").unwrap();
    writeln!(f, "{{\"id\":\"after\",\"text\":{GOOD:?}}}").unwrap();
    f.flush().unwrap();
    drop(f);
    // 400 MB of address space: the binary, its data and a 64 MiB line
    // buffer fit; the 200 MB record read whole and parsed does not.
    let o = under_ulimit(dir.path(), 400_000, "extract -j 1 dump.jsonl");
    let err = stderr(&o);
    assert!(err.contains("dump.jsonl:2: record \"huge\" is 200."), "{err}");
    assert!(
        err.contains(" MiB, over --max-document-size (64 MiB): skipped"),
        "{err}"
    );
    assert!(err.contains("3 documents read, 2 processed, 1 skipped"), "{err}");
    assert!(err.contains("(1 of the skipped over --max-document-size)"));
    assert_eq!(o.status.code(), Some(1), "{err}");
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.contains("\nsmall,1,") && out.contains("\nafter,1,"));
    // The stream answers the record with an error, in its place.
    let o = under_ulimit(
        dir.path(),
        400_000,
        "extract -j 1 --jsonl-stream < dump.jsonl",
    );
    let out = String::from_utf8_lossy(&o.stdout);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 3, "{}", stderr(&o));
    assert!(
        lines[1].starts_with(
            "{\"doc_id\":\"huge\",\"error\":\"the record is 200."
        ),
        "{}",
        lines[1]
    );
    assert_eq!(o.status.code(), Some(0));
}

#[test]
fn a_smaller_limit_skips_a_text_file_and_dev_zero_given_by_name() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.txt", GOOD.as_bytes());
    write(dir.path(), "big.txt", "x ".repeat(5000).as_bytes());
    let o = under_ulimit(
        dir.path(),
        400_000,
        "extract --max-document-size 4K a.txt big.txt /dev/zero",
    );
    let err = stderr(&o);
    assert!(err.contains("big.txt: the document is 9.8 KiB, over"), "{err}");
    assert!(err.contains("/dev/zero: the document is 4.0 KiB, over"), "{err}");
    assert_eq!(o.status.code(), Some(1), "{err}");
    let o = run(dir.path(), &["extract", "--max-document-size", "lots"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("not a size"));
}

#[test]
fn too_many_threads_under_a_memory_limit_is_a_message_not_a_panic() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.txt", GOOD.as_bytes());
    // 1000 thread stacks of 2 MiB do not fit in 400 MB of address space.
    let o = under_ulimit(dir.path(), 400_000, "extract -j 1000 a.txt");
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert!(err.contains("cannot start 1000 worker threads"), "{err}");
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn big_integer_ids_are_kept_as_written_and_a_null_doc_id_falls_back() {
    let dir = tempfile::tempdir().unwrap();
    let jsonl = format!(
        "{{\"id\":12345678901234567890123,\"text\":{GOOD:?}}}\n\
         {{\"id\":12345678901234567890124,\"text\":{GOOD:?}}}\n\
         {{\"doc_id\":null,\"id\":\"x\",\"text\":{GOOD:?}}}\n\
         {{\"id\":1.50,\"text\":{GOOD:?}}}\n\
         {{\"id\":\"nul\",\"text\":\"a\\u0000b said.\"}}\n"
    );
    write(dir.path(), "d.jsonl", jsonl.as_bytes());
    let o = run(dir.path(), &["extract", "d.jsonl"]);
    let err = stderr(&o);
    let out = String::from_utf8_lossy(&o.stdout);
    let ids: Vec<&str> =
        out.lines().skip(1).map(|l| l.split(',').next().unwrap()).collect();
    assert_eq!(
        ids,
        ["12345678901234567890123", "12345678901234567890124", "x", "1.50"]
    );
    assert!(!err.contains("duplicate"), "{err}");
    assert!(
        err.contains("d.jsonl:5: record \"nul\": binary text (contains NUL"),
        "{err}"
    );
    assert_eq!(o.status.code(), Some(1));
    // The stream keeps them too.
    let o = Command::new(BIN)
        .args(["extract", "--jsonl-stream"])
        .stdin(fs::File::open(dir.path().join("d.jsonl")).unwrap())
        .output()
        .unwrap();
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.contains("{\"doc_id\":\"12345678901234567890124\",\"rows\""));
    assert!(out.contains("{\"doc_id\":\"nul\",\"error\":\"record"), "{out}");
}

#[test]
fn control_characters_in_names_are_escaped_in_messages() {
    let dir = tempfile::tempdir().unwrap();
    // A name that would forge the closing line and set the title.
    let name = "x\nwhosaid: 9 documents read\x1b]0;owned\x07.txt";
    write(dir.path(), name, b"");
    let o = run(dir.path(), &["extract", name]);
    let err = stderr(&o);
    // The error, the closing line, and "no input could be read".
    assert_eq!(err.lines().count(), 3, "{err}");
    assert!(err.contains("x\\nwhosaid: 9 documents read\\e]0;owned\\x07"));
    assert!(!err.contains('\x1b') && !err.contains('\x07'), "{err}");
}

/// One paragraph of reported speech, about `bytes` long.
fn reported_speech(bytes: usize) -> String {
    let names = ["Sergey Lavrov", "the minister", "she", "officials"];
    let mut s = String::from("Headline\n\n");
    let mut i = 0;
    while s.len() < bytes {
        let (a, b) = (names[i % 4], names[(i / 4) % 4]);
        s.push_str(&format!(
            "{a} said the plan was dead. \"We will win,\" {b} told reporters. "
        ));
        i += 1;
    }
    s.push('\n');
    s
}

#[test]
fn explain_of_a_200_kb_paragraph_is_fast_and_linear() {
    let dir = tempfile::tempdir().unwrap();
    let mut sizes = Vec::new();
    for kb in [100, 200] {
        let name = format!("p{kb}.txt");
        write(dir.path(), &name, reported_speech(kb << 10).as_bytes());
        let start = Instant::now();
        let o = run(dir.path(), &["explain", "--color", "never", &name]);
        let took = start.elapsed();
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        // A debug build runs the pipeline several times slower.
        let limit = if cfg!(debug_assertions) { 10 } else { 2 };
        assert!(took < Duration::from_secs(limit), "{kb} KB: {took:?}");
        sizes.push(o.stdout.len());
    }
    // Twice the input, about twice the output (it was 4 times: every
    // mention of the paragraph listed under every row).
    let ratio = sizes[1] as f64 / sizes[0] as f64;
    assert!((1.8..2.3).contains(&ratio), "{sizes:?}");
    assert!(sizes[1] < 60 * (200 << 10), "{sizes:?}");
}

#[test]
fn explain_escapes_control_characters_of_the_article() {
    let dir = tempfile::tempdir().unwrap();
    let text = "\x1b]0;owned\x07\x1b[2J \"We are \x1b[31mready,\" \
                Sergey Lavrov told reporters.\n";
    write(dir.path(), "a\x1b.txt", text.as_bytes());
    let o = run(dir.path(), &["explain", "--color", "never", "a\x1b.txt"]);
    let out = String::from_utf8_lossy(&o.stdout);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(!out.contains('\x1b') && !out.contains('\x07'), "{out}");
    // Escaped, wherever a row's mark splits the sequence ("\e][1|0;...").
    assert!(out.contains("\\e]") && out.contains("0;owned\\x07\\e[2J"), "{out}");
    // The file name is escaped in the heading (the row count depends on
    // the rules: the escape's letters read as words before the quote).
    assert!(out.contains("a\\e ("), "{out}");
    assert!(out.contains("We are \\e[31mready,"), "{out}");
}

#[test]
fn speakers_excel_neutralizes_formulas_from_the_articles() {
    let dir = tempfile::tempdir().unwrap();
    let jsonl = format!(
        "{{\"id\":\"=HYPERLINK(\\\"http://x\\\")\",\"text\":{GOOD:?}}}\n\
         {{\"id\":\"\u{FF1D}1+1\",\"text\":{GOOD:?}}}\n"
    );
    write(dir.path(), "d.jsonl", jsonl.as_bytes());
    let o = run(dir.path(), &["speakers", "--excel", "d.jsonl"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = String::from_utf8(o.stdout).unwrap();
    assert!(out.starts_with("\u{FEFF}name,type,"), "{out}");
    assert!(out.contains("\r\n"), "{out}");
    assert!(out.contains(",\"'=HYPERLINK(\"\"http://x\"\")\","), "{out}");
    // last_doc, then the gender and share columns.
    assert!(out.contains(",'\u{FF1D}1+1,unknown,1.000\r\n"), "{out}");
    // Without --excel the table stays exact.
    let o = run(dir.path(), &["speakers", "d.jsonl"]);
    let out = String::from_utf8(o.stdout).unwrap();
    assert!(out.contains(",\"=HYPERLINK(\"\"http://x\"\")\","), "{out}");
    // extract --excel: full-width signs, and a cell over Excel's limit.
    let long =
        format!("\"{},\" Sergey Lavrov said.", "Yes and no ".repeat(4000));
    let jsonl = format!(
        "{{\"id\":\"\u{FF0B}x\",\"text\":{GOOD:?}}}\n\
         {{\"id\":\"long\",\"text\":{long:?}}}\n"
    );
    write(dir.path(), "e.jsonl", jsonl.as_bytes());
    let o = run(dir.path(), &["extract", "--excel", "e.jsonl"]);
    let err = stderr(&o);
    let out = String::from_utf8(o.stdout).unwrap();
    assert!(out.contains("\r\n'\u{FF0B}x,1,"), "{out}");
    assert!(err.contains("whosaid: long: warning: 1 cell(s) over 32767"));
    let longest = out.split(',').map(|c| c.chars().count()).max().unwrap();
    assert!(longest <= 32_767 + 2, "{longest}");
}

#[test]
fn the_review_page_isolates_text_direction_of_ids_and_labels() {
    let dir = tempfile::tempdir().unwrap();
    let id = "\u{202E}gnp.exe";
    let jsonl = format!("{{\"id\":\"{id}\",\"text\":{GOOD:?}}}\n");
    write(dir.path(), "d.jsonl", jsonl.as_bytes());
    let o = run(dir.path(), &["report", "d.jsonl"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let page = String::from_utf8(o.stdout).unwrap();
    assert!(page.contains(&format!("<h3 id=\"h0\"><bdi>{id}</bdi></h3>")));
    assert!(page.contains("<bdi>Sergey Lavrov</bdi></span>"), "label");
    assert!(page.contains(".hl, .lbl, .tip, bdi { unicode-bidi: isolate; }"));
    // Every place the id is shown as text is inside a <bdi>.
    let shown = page.matches(&format!(">{id}")).count();
    assert!(shown >= 3, "{shown}");
    assert_eq!(page.matches(&format!("<bdi>{id}")).count(), shown);
}

#[test]
fn eval_reads_our_jsonl_table_and_stdin_and_refuses_disjoint_ids() {
    let dir = tempfile::tempdir().unwrap();
    let gold = format!(
        "{{\"doc_id\":\"a\",\"text\":{GOOD:?},\"quotes\":[{{\"start\":1,\
         \"end\":14,\"kind\":\"direct\",\"text\":\"We are ready,\",\
         \"speaker\":\"Sergey Lavrov\"}}]}}\n"
    );
    write(dir.path(), "gold.jsonl", gold.as_bytes());
    let o = run(
        dir.path(),
        &["extract", "--format", "jsonl", "gold.jsonl", "-o", "t.jsonl"],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let o = run(dir.path(), &["eval", "--json", "gold.jsonl", "t.jsonl"]);
    let out = String::from_utf8_lossy(&o.stdout);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(out.contains("\"all\": {\"gold\": 1, \"predicted\": 1, \"detection\": [1.0, 1.0, 1.0]"), "{out}");
    // `-` is standard input.
    let o = Command::new(BIN)
        .current_dir(dir.path())
        .args(["eval", "--json", "gold.jsonl", "-"])
        .stdin(fs::File::open(dir.path().join("t.jsonl")).unwrap())
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(String::from_utf8_lossy(&o.stdout), out);
    let other = GOOD.replace("\"a\"", "\"b\"");
    write(dir.path(), "b.txt", other.as_bytes());
    let o = run(dir.path(), &["extract", "b.txt", "-o", "b.csv"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let o = run(dir.path(), &["eval", "gold.jsonl", "b.csv"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("share no document id"), "{}", stderr(&o));
}

/// A text of nothing but short quotes: the worst case for the analysis
/// tables (about 60 bytes of them per byte of text).
fn dense_quotes(bytes: usize) -> String {
    let one = "\"We will win,\" Smith said. ";
    one.repeat(bytes / one.len())
}

#[test]
fn a_document_dense_with_quotes_stays_within_three_times_its_size() {
    let dir = tempfile::tempdir().unwrap();
    // 2 MiB: eight windows, and a debug build still runs it in seconds.
    let text = dense_quotes(2 << 20);
    let quotes = text.matches("Smith said").count();
    write(dir.path(), "dense.txt", text.as_bytes());
    let record = format!("{{\"id\":\"dense\",\"text\":{text:?}}}\n");
    write(dir.path(), "dense.jsonl", record.as_bytes());
    let html = text
        .split_inclusive("said. ")
        .map(|s| format!("<p>{}</p>\n", s.replace('"', "&quot;")))
        .collect::<String>();
    write(dir.path(), "dense.html", html.as_bytes());
    // Three times the document plus 96 MiB of address space: the 64 MiB
    // constant of the bound and what address space costs beyond resident
    // memory (the binary's mappings). Before documents were analysed in
    // windows, this one needed about 170 MB.
    let limit = |len: usize| (3 * len as u64 + (96 << 20)) >> 10;
    let csv = under_ulimit(
        dir.path(),
        limit(text.len()),
        "extract -j 1 dense.txt -o dense.csv",
    );
    assert_eq!(csv.status.code(), Some(0), "{}", stderr(&csv));
    let table = fs::read_to_string(dir.path().join("dense.csv")).unwrap();
    assert_eq!(table.lines().count(), quotes + 1);
    // Every row is whole and in place across the windows: the last quote
    // ends where the text's last quote ends, with its number.
    let last = table.lines().last().unwrap();
    let end = text.rfind(",\" Smith").unwrap() + 1;
    assert!(
        last.starts_with(&format!(
            "dense,{quotes},direct,\"We will win,\",{},{end},Smith,",
            end - 12
        )),
        "{last}"
    );
    for args in [
        "extract -j 1 --jsonl-stream < dense.jsonl",
        "speakers dense.txt",
        "report dense.txt -o dense-report.html",
        "explain dense.txt --quote 2",
    ] {
        let o = under_ulimit(dir.path(), limit(text.len()), args);
        assert_eq!(o.status.code(), Some(0), "{args}: {}", stderr(&o));
    }
    // A row of a later window is explained with its number and offsets
    // in the whole document.
    let late = quotes - 3;
    let o = under_ulimit(
        dir.path(),
        limit(text.len()),
        &format!("explain --color never dense.txt --quote {late}"),
    );
    let said = String::from_utf8_lossy(&o.stdout);
    assert!(said.contains(&format!("#{late} direct ¶1")), "{said}");
    assert!(said.contains(" window 8, bytes "), "{said}");
    let o = under_ulimit(
        dir.path(),
        limit(html.len()),
        "extract -j 1 dense.html -o dense-html.csv",
    );
    assert_eq!(o.status.code(), Some(0), "html: {}", stderr(&o));
    let rows = fs::read_to_string(dir.path().join("dense-html.csv")).unwrap();
    assert_eq!(rows.lines().count(), quotes + 1);
    let page =
        fs::read_to_string(dir.path().join("dense-report.html")).unwrap();
    assert!(page.contains(&format!(
        "{} more rows not marked",
        quotes - whosaid::report::ROWS_SHOWN_PER_ARTICLE
    )));
}
