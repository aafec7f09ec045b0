//! The review page in a real browser: runs scripts/browser_check.sh
//! (headless Chromium renders the seeds' page; a Python script checks the
//! DOM it built). It needs Chromium, so it is ignored by a plain
//! `cargo test` and run by `.ci/run` (`--ignored`) after Chromium is
//! installed; run without Chromium, it fails rather than pass untested.

use std::process::Command;

fn installed(tool: &str) -> bool {
    Command::new("sh")
        .args(["-c", &format!("command -v {tool}")])
        .output()
        .is_ok_and(|o| o.status.success())
}

#[test]
#[ignore = "needs headless Chromium: .ci/run runs it after installing it"]
fn report_renders_in_chromium_with_one_highlight_per_row() {
    let chrome = ["chromium", "chromium-browser", "google-chrome"]
        .into_iter()
        .any(installed);
    assert!(
        chrome && installed("python3"),
        "headless Chromium and python3 are needed (apt-get install chromium)"
    );
    let out = tempfile::tempdir().unwrap();
    let o = Command::new("bash")
        .arg("scripts/browser_check.sh")
        .arg(out.path())
        .env("WHOSAID", env!("CARGO_BIN_EXE_whosaid"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("run scripts/browser_check.sh");
    let stdout = String::from_utf8_lossy(&o.stdout);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success(), "stdout: {stdout}\nstderr: {stderr}");
    assert!(stdout.contains("browser_check: passed"), "{stdout}");
    assert!(out.path().join("report.png").metadata().unwrap().len() > 10_000);
}
