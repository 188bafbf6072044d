//! Both parts, on the paused clock. Its `--help` and bad flags are tested
//! for every listing in `book-tests`.

use user_input::quiet_run_lines;

const PROGRAM: &str = env!("CARGO_BIN_EXE_kept-sender");

/// With the queue kept in `main`, the 4 items are taken, but no consumer
/// sees the queue closed: `main` gives up after its limit, with 2 tasks
/// running and 1 sender alive. With the queue dropped, both consumers see
/// it closed and every task ends.
#[test]
fn a_kept_sender_hangs_the_consumers_and_dropping_it_ends_them() {
    let broken =
        quiet_run_lines(PROGRAM, &["--part", "broken", "--clock", "paused"]);
    let took =
        |lines: &[String]| lines.iter().filter(|l| l.contains(": took ")).count();
    assert_eq!(took(&broken), 4, "{broken:?}");
    assert!(!broken.iter().any(|l| l.contains("saw the queue closed")));
    let report = "main: no task ended for 1s; 2 still running, 1 sender(s) alive";
    assert!(broken.contains(&report.to_string()), "{broken:?}");

    let fixed = quiet_run_lines(PROGRAM, &["--part", "fixed", "--clock", "paused"]);
    assert_eq!(took(&fixed), 4, "{fixed:?}");
    let closed = fixed.iter().filter(|l| l.contains("saw the queue closed"));
    assert_eq!(closed.count(), 2, "{fixed:?}");
    assert_eq!(fixed.last().unwrap(), "main: every task has ended");
}
