//! Whole runs of the listing, on the paused clock and the real one.

use user_input::quiet_run_lines;

const PROGRAM: &str = env!("CARGO_BIN_EXE_refcell-across-await");

/// With the borrow held across the `.await`, B's `try_borrow_mut` fails
/// with `RefCell already borrowed` and its entry is lost; with borrows
/// that end first, B's entry lands between A's two. Both clocks.
#[test]
fn a_borrow_held_across_the_await_refuses_the_other_writer() {
    for clock in ["paused", "real"] {
        let lines = quiet_run_lines(PROGRAM, &["--clock", clock]);
        assert_eq!(lines.len(), 6, "{lines:?}");
        assert!(
            lines[1].starts_with("B: RefCell already borrowed at "),
            "{lines:?}"
        );
        assert_eq!(lines[2], r#"log: ["A begins", "A ends"]"#);
        assert!(lines[4].starts_with("B: wrote its entry at "), "{lines:?}");
        assert_eq!(lines[5], r#"log: ["A begins", "B", "A ends"]"#);
    }
}
