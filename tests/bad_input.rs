//! Bad input never stops a run: each case runs the built binary and checks
//! its table, its messages on standard error and its exit status.

use std::fs;
use std::io::{Read, Write};
use std::path::Path;
use std::process::{Command, Output, Stdio};

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

/// The parsed table: header, then rows.
fn table(o: &Output) -> Vec<Vec<String>> {
    let mut r = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(&o.stdout[..]);
    r.records()
        .map(|rec| rec.unwrap().iter().map(str::to_string).collect())
        .collect()
}

fn write(dir: &Path, name: &str, bytes: &[u8]) {
    let path = dir.join(name);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, bytes).unwrap();
}

#[test]
fn windows_1252_file_is_decoded_with_a_warning_and_exit_0() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "cp.txt",
        b"\x93We are ready,\x94 the caf\xe9 owner told reporters.\n",
    );
    let o = run(dir.path(), &["extract", "cp.txt"]);
    let err = stderr(&o);
    assert!(
        err.contains("whosaid: cp.txt: warning: decoded as Windows-1252"),
        "{err}"
    );
    assert!(err.contains("1 documents read, 1 processed, 0 skipped"), "{err}");
    assert_eq!(o.status.code(), Some(0), "{err}");
    let t = table(&o);
    assert_eq!(t[1][3], "We are ready,");
    // Offsets count the decoded characters: the curly mark is one.
    assert_eq!((t[1][4].as_str(), t[1][5].as_str()), ("1", "14"));
}

#[test]
fn damaged_utf8_is_replaced_with_a_warning_and_exit_0() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "bad.txt", b"Caf\xc3\xa9 \xff\xfe. \"Yes,\" he said.\n");
    let o = run(dir.path(), &["extract", "bad.txt"]);
    let err = stderr(&o);
    assert!(
        err.contains("whosaid: bad.txt: warning: invalid UTF-8 at byte 6"),
        "{err}"
    );
    assert_eq!(o.status.code(), Some(0), "{err}");
    assert_eq!(table(&o)[1][3], "Yes,");
}

#[test]
fn binary_and_empty_files_are_skipped_with_exit_1() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "news/a.txt", GOOD.as_bytes());
    write(dir.path(), "news/b.txt", b"\x7fELF\x02\x01\x01\0\0\0\0\0");
    write(dir.path(), "news/c.txt", b"");
    write(dir.path(), "news/d.txt", b"\xEF\xBB\xBF \r\n");
    let o = run(dir.path(), &["extract", "news"]);
    let err = stderr(&o);
    assert!(err.contains("news/b.txt: binary file"), "{err}");
    assert!(err.contains("news/c.txt: empty document"), "{err}");
    assert!(err.contains("news/d.txt: empty document"), "{err}");
    assert!(
        err.contains(
            "4 documents read, 1 processed, 3 skipped with errors, 1 rows \
             written"
        ),
        "{err}"
    );
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(table(&o).len(), 2);
}

#[test]
fn bom_crlf_and_lone_cr_line_ends() {
    let dir = tempfile::tempdir().unwrap();
    let crlf = "\u{FEFF}Headline\r\n\r\n\"We are ready,\" Lavrov said.\r\n";
    let cr = "Headline\r\r\"We are ready,\" Lavrov said.\r";
    write(dir.path(), "crlf.txt", crlf.as_bytes());
    write(dir.path(), "cr.txt", cr.as_bytes());
    let o = run(dir.path(), &["extract", "crlf.txt", "cr.txt"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let t = table(&o);
    assert_eq!(t.len(), 3);
    // The BOM is not part of the text: the quote starts after
    // "Headline", the line ends and its mark.
    let starts = ["13", "11"];
    for (row, start) in t[1..].iter().zip(starts) {
        assert_eq!(row[3], "We are ready,");
        assert_eq!(row[4], start);
        // A lone CR breaks lines: the quote is in paragraph 2.
        assert_eq!(row[17], "2");
    }
}

#[test]
fn malformed_jsonl_lines_are_named_and_the_rest_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let jsonl = format!(
        "{{\"id\":\"a\",\"text\":{g:?}}}\n{{\"id\":\"b\",\"text\":\n\
         {{\"id\":\"c\"}}\n{{\"id\":\"d\",\"text\":\"\"}}\n\
         {{\"id\":\"e\",\"text\":{g:?}}}\n",
        g = GOOD
    );
    write(dir.path(), "d.jsonl", jsonl.as_bytes());
    let o = run(dir.path(), &["extract", "d.jsonl"]);
    let err = stderr(&o);
    assert!(err.contains("whosaid: d.jsonl:2: not a JSON object"), "{err}");
    assert!(
        err.contains("whosaid: d.jsonl:3: record \"c\" has no \"text\""),
        "{err}"
    );
    assert!(err.contains("whosaid: d.jsonl:4: record \"d\" has an empty"));
    assert!(err.contains("5 documents read, 2 processed, 3 skipped"), "{err}");
    assert_eq!(o.status.code(), Some(1));
    let t = table(&o);
    let ids: Vec<&str> = t[1..].iter().map(|r| &*r[0]).collect();
    assert_eq!(ids, vec!["a", "e"]);
}

#[test]
fn duplicate_doc_ids_warn_and_are_still_processed() {
    let dir = tempfile::tempdir().unwrap();
    let line = format!("{{\"id\":\"x\",\"text\":{GOOD:?}}}\n");
    write(dir.path(), "d.jsonl", line.repeat(2).as_bytes());
    let o = run(dir.path(), &["extract", "d.jsonl"]);
    let err = stderr(&o);
    assert!(
        err.contains("whosaid: d.jsonl:2: warning: duplicate doc_id \"x\""),
        "{err}"
    );
    assert!(err.contains("2 documents read, 2 processed, 0 skipped"), "{err}");
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(table(&o).len(), 3);
}

#[test]
fn unreadable_files_and_folders_are_skipped_with_exit_1() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "news/a.txt", GOOD.as_bytes());
    // A dangling link cannot be read, even by root.
    std::os::unix::fs::symlink("nowhere.txt", dir.path().join("news/b.txt"))
        .unwrap();
    let o = run(dir.path(), &["extract", "news", "missing.txt"]);
    let err = stderr(&o);
    assert!(err.contains("news/b.txt: cannot read: no such file"), "{err}");
    assert!(err.contains("missing.txt: cannot open: no such file"), "{err}");
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(table(&o).len(), 2);
}

#[test]
fn folder_without_permission_is_skipped() {
    use std::os::unix::fs::PermissionsExt;
    use std::os::unix::process::CommandExt;
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "news/a.txt", GOOD.as_bytes());
    write(dir.path(), "news/locked/b.txt", GOOD.as_bytes());
    let locked = dir.path().join("news/locked");
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o000)).unwrap();
    // Root reads any folder: as root, the run is made as `nobody` (uid
    // 65534), for whom the folder is locked as for any user.
    fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o755))
        .unwrap();
    let mut cmd = Command::new(BIN);
    cmd.current_dir(dir.path()).args(["extract", "news"]);
    // SAFETY: geteuid has no preconditions.
    if unsafe { libc::geteuid() } == 0 {
        cmd.uid(65534).gid(65534);
    }
    let o = cmd.stdin(Stdio::null()).output().expect("run whosaid");
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o755)).unwrap();
    let err = stderr(&o);
    assert!(err.contains("cannot read folder: permission denied"), "{err}");
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(table(&o).len(), 2);
}

#[test]
fn a_link_to_a_folder_is_followed_only_with_follow() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "news/a.txt", GOOD.as_bytes());
    write(dir.path(), "elsewhere/b.txt", GOOD.as_bytes());
    std::os::unix::fs::symlink("../elsewhere", dir.path().join("news/more"))
        .unwrap();
    let o = run(dir.path(), &["extract", "news"]);
    let err = stderr(&o);
    assert!(
        err.contains(
            "news/more: warning: symbolic link to a folder: not \
                      followed"
        ),
        "{err}"
    );
    assert!(err.contains("1 documents read, 1 processed"), "{err}");
    let o = run(dir.path(), &["extract", "-L", "news"]);
    let err = stderr(&o);
    assert!(err.contains("2 documents read, 2 processed"), "{err}");
    assert_eq!(table(&o)[2][0], "more/b");
}

#[test]
fn symlink_loop_is_read_once_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "news/a.txt", GOOD.as_bytes());
    std::os::unix::fs::symlink("..", dir.path().join("news/loop")).unwrap();
    let o = run(dir.path(), &["extract", "--follow", "news"]);
    let err = stderr(&o);
    assert!(err.contains("news/loop/news: warning: folder already read"));
    assert!(err.contains("1 documents read, 1 processed, 0 skipped"), "{err}");
    assert_eq!(o.status.code(), Some(0), "{err}");
    assert_eq!(table(&o).len(), 2);
}

#[test]
fn bad_user_gazetteer_line_is_an_error_before_any_work() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.txt", GOOD.as_bytes());
    write(dir.path(), "mine.tsv", b"# my people\nonly-one-column\n");
    let o = run(
        dir.path(),
        &["extract", "--gazetteer", "mine.tsv", "a.txt", "-o", "out.csv"],
    );
    let err = stderr(&o);
    assert!(err.contains("mine.tsv:2: "), "{err}");
    assert_eq!(o.status.code(), Some(2));
    assert!(o.stdout.is_empty());
    assert!(!dir.path().join("out.csv").exists());
    assert!(!err.contains("documents read"), "{err}");
    let o = run(dir.path(), &["extract", "--gazetteer", "none.tsv", "a.txt"]);
    assert!(stderr(&o).contains("cannot read gazetteer none.tsv"));
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn unwritable_output_is_an_error_before_any_work() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.txt", GOOD.as_bytes());
    fs::create_dir(dir.path().join("folder")).unwrap();
    // Under a file, and a folder itself: neither can be written.
    for out in ["a.txt/out.csv", "folder"] {
        let o = run(dir.path(), &["extract", "a.txt", "-o", out]);
        let err = stderr(&o);
        assert_eq!(o.status.code(), Some(2), "{out}: {err}");
        assert!(err.starts_with("whosaid: cannot "), "{out}: {err}");
        assert!(!err.contains("documents read"), "{out}: {err}");
    }
}

#[test]
fn quiet_hides_accounting_and_warnings_but_not_errors() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.txt", b"caf\xe9 \"Yes,\" he said.\n");
    write(dir.path(), "b.txt", b"");
    let o = run(dir.path(), &["extract", "-q", "a.txt", "b.txt"]);
    let err = stderr(&o);
    assert_eq!(err, "whosaid: b.txt: empty document: nothing to read\n");
    assert_eq!(o.status.code(), Some(1));
}

#[test]
fn closed_output_pipe_exits_quietly_with_status_0() {
    // Enough rows to overflow the pipe and the writer's buffer, so that
    // writing fails once the reader has gone.
    let line = format!("{{\"text\":{GOOD:?},\"id\":\"d\"}}\n");
    let input: String = (0..20_000)
        .map(|i| line.replace("\"d\"", &format!("\"d{i}\"")))
        .collect();
    let mut child = Command::new(BIN)
        .args(["extract", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let feeder = std::thread::spawn(move || {
        let _ = stdin.write_all(input.as_bytes());
    });
    let mut first = [0u8; 64];
    child.stdout.as_mut().unwrap().read_exact(&mut first).unwrap();
    drop(child.stdout.take()); // like `| head -c 64`
    let mut err = String::new();
    child.stderr.take().unwrap().read_to_string(&mut err).unwrap();
    let status = child.wait().unwrap();
    feeder.join().unwrap();
    assert!(first.starts_with(b"doc_id,quote_id,"));
    assert_eq!(status.code(), Some(0), "{err}");
    assert!(!err.contains("error") && !err.contains("panicked"), "{err}");
}
