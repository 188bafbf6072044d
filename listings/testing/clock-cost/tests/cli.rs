//! A whole run of the measurement. Real times are compared with each
//! other, or checked against the least they can be (a timer never fires
//! early, a blocked thread sleeps at least as long as asked), never
//! against a most: a busy machine may make any run slower.

use std::process::Command;

/// What one line reports: seconds on tokio's clock, milliseconds of real
/// time.
fn figures(line: &str) -> (f64, f64) {
    let numbers: Vec<f64> = line
        .split_whitespace()
        .filter_map(|word| word.trim_end_matches(',').parse().ok())
        .collect();
    assert_eq!(numbers.len(), 2, "{line}");
    (numbers[0], numbers[1])
}

#[test]
fn the_paused_clock_runs_the_same_test_at_once() {
    let out = Command::new(env!("CARGO_BIN_EXE_clock-cost"))
        .output()
        .expect("the measurement runs");
    assert!(out.status.success(), "{out:?}");
    let text = String::from_utf8(out.stdout).unwrap();
    let reports: Vec<(f64, f64)> = text
        .lines()
        .filter(|line| line.contains("on tokio's clock"))
        .map(figures)
        .collect();
    let [real, paused, patient, blocking] = reports[..] else {
        panic!("four reports expected: {text}");
    };
    // On the real clock, the test waits its 0.4 s, both by tokio's clock
    // and by the real one.
    assert!(real.0 >= 0.4 && real.1 >= 400.0, "{text}");
    // On the paused clock, tokio's clock says exactly as much, or 30 s,
    // and both runs take less real time than the one on the real clock.
    assert_eq!(paused.0, 0.4, "{text}");
    assert_eq!(patient.0, 30.0, "{text}");
    assert!(paused.1 < real.1 && patient.1 < real.1, "{text}");
    // A thread blocked for 0.1 s: the paused clock does not move, and
    // the real time is spent.
    assert_eq!(blocking.0, 0.0, "{text}");
    assert!(blocking.1 >= 100.0, "{text}");
}
