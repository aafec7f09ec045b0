//! The `whosaid` binary: parse the arguments, run, map the result to an
//! exit status (0 ok, 1 some documents skipped, 2 usage or fatal error).

use std::process::ExitCode;

fn main() -> ExitCode {
    let args = match whosaid::cli::Args::parse_process_args() {
        Ok(a) => a,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    match whosaid::cli::run(args) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("whosaid: {e:#}");
            ExitCode::from(2)
        }
    }
}
