//! A whole run of the listing.

use user_input::quiet_run_lines;

const PROGRAM: &str = env!("CARGO_BIN_EXE_async-closure");

/// The closure runs once per id, in order, and each call's push into the
/// borrowed vector is there once `for_each_id` has finished.
#[test]
fn the_closure_pushes_into_what_it_borrows() {
    let lines = quiet_run_lines(PROGRAM, &[]);
    let expected = [
        "job 1 done",
        "job 2 done",
        "job 3 done",
        "results: [10, 20, 30]",
    ];
    assert_eq!(lines, expected);
}
