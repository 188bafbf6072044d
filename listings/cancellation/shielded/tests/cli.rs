//! Whole runs of the listing, on the paused clock and the real one.

use std::process::Command;

const PROGRAM: &str = env!("CARGO_BIN_EXE_shielded");

/// Steps of 100 ms and a timeout of 150 ms: the save awaited in place is
/// dropped after 1 of its 3 steps; the save in a task of its own does all
/// 3, though its caller gave up at the same time. The same lines on both
/// clocks.
#[test]
fn only_the_save_in_a_task_of_its_own_does_every_step() {
    let expected = [
        "-- awaited in place --",
        "  record 1: ends with 1 of 3 steps saved",
        "caller: gave up after 150ms",
        "-- in a task of its own --",
        "caller: gave up after 150ms",
        "  record 2: ends with 3 of 3 steps saved",
        "caller: record 2 saved after all",
    ];
    for clock in ["paused", "real"] {
        let out = Command::new(PROGRAM)
            .args(["--clock", clock])
            .output()
            .expect("the listing runs");
        assert!(out.status.success(), "--clock {clock}");
        assert!(out.stderr.is_empty(), "--clock {clock}");
        let text = String::from_utf8(out.stdout).unwrap();
        assert_eq!(
            text.lines().collect::<Vec<_>>(),
            expected,
            "--clock {clock}"
        );
    }
}
