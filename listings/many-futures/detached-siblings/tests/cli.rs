//! A whole run of the listing on the paused clock, whose order is exact.
//! Its `--help` and bad flags are tested for every listing in `book-tests`.

use user_input::line_at;

const PROGRAM: &str = env!("CARGO_BIN_EXE_detached-siblings");

/// The caller gets the error at 150 ms, and after that the two tasks it
/// no longer waits for finish anyway, at 200 and 300 ms; none is
/// cancelled.
#[test]
fn the_siblings_run_on_after_the_caller_gave_up() {
    let lines = user_input::quiet_run_lines(PROGRAM, &["--clock", "paused"]);
    let caller = line_at(&lines, r#"caller: Err("failing failed") after 150 ms"#);
    assert!(caller < line_at(&lines, "  medium: done after 200 ms"));
    assert!(caller < line_at(&lines, "  slow: done after 300 ms"));
    assert!(!lines.iter().any(|l| l.contains("cancelled")), "{lines:?}");
}
