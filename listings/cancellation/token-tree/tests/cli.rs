//! Whole runs of the listing, on the paused clock and the real one.

use user_input::quiet_run_lines;

const PROGRAM: &str = env!("CARGO_BIN_EXE_token-tree");

/// Cancelling `downloads` stops both downloads at 100 ms and leaves the
/// root and the upload alone; cancelling the root at 200 ms stops the
/// upload, and a child made after that starts cancelled. On the real
/// clock, only the milliseconds may differ.
#[test]
fn a_branch_stops_the_tasks_below_it_and_the_root_stops_all() {
    let expected = [
        "main: cancels downloads",
        "download 1: cancelled after 100 ms",
        "download 2: cancelled after 100 ms",
        "main: root cancelled? false",
        "main: cancels root",
        "upload: cancelled after 200 ms",
        "main: a child made now is cancelled? true",
    ];
    assert_eq!(quiet_run_lines(PROGRAM, &["--clock", "paused"]), expected);
    let without_ms = |line: &str| line.split(" after ").next().unwrap().to_string();
    let real: Vec<String> = quiet_run_lines(PROGRAM, &["--clock", "real"])
        .iter()
        .map(|l| without_ms(l))
        .collect();
    let expected: Vec<String> = expected.iter().map(|l| without_ms(l)).collect();
    assert_eq!(real, expected);
}
