//! A whole run of the listing.

use user_input::quiet_run_lines;

const PROGRAM: &str = env!("CARGO_BIN_EXE_send-bound");

/// Each probe's reading comes back from its own task, through the generic
/// `read_in_task`.
#[test]
fn both_probes_are_read_in_spawned_tasks() {
    let lines = quiet_run_lines(PROGRAM, &[]);
    assert_eq!(lines, ["thermometer: 21 degrees", "barometer: 1013 hPa"]);
}
