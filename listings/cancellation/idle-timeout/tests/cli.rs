//! Whole runs of the listing, on the paused clock and the real one.

use user_input::{masked, quiet_run_lines};

const PROGRAM: &str = env!("CARGO_BIN_EXE_idle-timeout");

/// Jobs come 50, 50, 100 and 350 ms apart. Each of the first three moves
/// the idle deadline to 200 ms after it; the worker stops at 400 ms, 200 ms
/// after job 3, and the producer's job 4 finds no worker. On the real
/// clock, the same lines come in the same order, some ms later: each
/// event is at least 100 ms from the deadline it races.
#[test]
fn each_job_moves_the_idle_deadline() {
    let paused = quiet_run_lines(PROGRAM, &["--clock", "paused"]);
    let expected = [
        "  50 ms  worker: job 1, idle deadline 250 ms",
        " 100 ms  worker: job 2, idle deadline 300 ms",
        " 200 ms  worker: job 3, idle deadline 400 ms",
        " 400 ms  worker: idle for 200ms, stops",
        " 550 ms  producer: job 4 refused, no worker",
    ];
    assert_eq!(paused, expected);
    let real: Vec<String> = quiet_run_lines(PROGRAM, &["--clock", "real"])
        .iter()
        .map(|l| masked(l))
        .collect();
    let expected: Vec<String> = expected.iter().map(|l| masked(l)).collect();
    assert_eq!(real, expected);
}
