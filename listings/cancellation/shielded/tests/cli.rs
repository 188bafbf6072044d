//! Whole runs of the listing, on the paused clock and the real one.

use user_input::quiet_run_lines;

const PROGRAM: &str = env!("CARGO_BIN_EXE_shielded");

/// Steps of 100 ms and a timeout of 150 ms: on the paused clock, the save
/// awaited in place is dropped after 1 of its 3 steps; the save in a task
/// of its own does all 3, though its caller gave up at the same time.
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
    assert_eq!(quiet_run_lines(PROGRAM, &["--clock", "paused"]), expected);
}

/// On the real clock, a machine that wakes the runtime 50 ms late could
/// let the save in place finish a second step before the timeout drops it,
/// so this checks what stays true: it is dropped before its last step,
/// and the save in its own task does every step.
#[test]
fn the_task_saves_every_step_on_the_real_clock_too() {
    let lines = quiet_run_lines(PROGRAM, &["--clock", "real"]);
    let line = |prefix: &str| {
        let found = lines.iter().find(|l| l.starts_with(prefix));
        found
            .unwrap_or_else(|| panic!("no {prefix:?} in {lines:?}"))
            .clone()
    };
    assert_ne!(
        line("  record 1"),
        "  record 1: ends with 3 of 3 steps saved"
    );
    assert_eq!(
        line("  record 2"),
        "  record 2: ends with 3 of 3 steps saved"
    );
    assert_eq!(line("caller: record 2"), "caller: record 2 saved after all");
}
