//! Whole runs of the listing. Its `--help` and bad flags are tested for
//! every listing in `book-tests`.

use user_input::{line_at, quiet_run_lines};

const PROGRAM: &str = env!("CARGO_BIN_EXE_three-kinds");

/// oneshot: one reply, or an error when the sender is dropped unused.
/// broadcast, capacity 2: the receiver that read after each send got all
/// 4 values; the other one learns it missed 2, then gets the last 2.
/// watch: three sends, and the receiver sees only the last value.
#[test]
fn each_kind_shows_its_behaviour() {
    let lines = quiet_run_lines(PROGRAM, &[]);
    for line in [
        "reply: Ok(42)",
        "no reply: Err(RecvError(()))",
        "quick got Ok(4)",
        "slow got Err(Lagged(2))",
        "slow got Err(Closed)",
        "after three sends: running",
        "after the drop: Err(RecvError(()))",
    ] {
        line_at(&lines, line);
    }
    let slow: Vec<&str> = lines
        .iter()
        .filter_map(|l| l.strip_prefix("slow got "))
        .collect();
    assert_eq!(slow, ["Err(Lagged(2))", "Ok(3)", "Ok(4)", "Err(Closed)"]);
}
