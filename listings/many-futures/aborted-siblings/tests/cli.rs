//! A whole run of the listing on the paused clock, whose order is exact.
//! Its `--help` and bad flags are tested for every listing in `book-tests`.

use user_input::line_at;

const PROGRAM: &str = env!("CARGO_BIN_EXE_aborted-siblings");

/// The caller gets the error at 150 ms; dropping the set then aborts the
/// two tasks still in it, which say they were cancelled and never finish,
/// though `main` waits 500 ms more.
#[test]
fn the_siblings_are_cancelled_when_the_set_is_dropped() {
    let lines = user_input::quiet_run_lines(PROGRAM, &["--clock", "paused"]);
    let caller = line_at(&lines, r#"caller: Err("failing failed") after 150 ms"#);
    for name in ["slow", "medium"] {
        assert!(caller < line_at(&lines, &format!("  {name}: cancelled")));
        let done = format!("  {name}: done");
        assert!(!lines.iter().any(|l| l.starts_with(&done)), "{lines:?}");
    }
    assert!(caller < line_at(&lines, "main: waited 500 ms more"));
}
