//! Whole runs of the listing, on the paused clock and the real one.

use user_input::{line_at, part, quiet_run_lines};

const PROGRAM: &str = env!("CARGO_BIN_EXE_guard-fixed");

const SCOPED: &str = "-- std Mutex, guard dropped before the .await --";
const HELD: &str = "-- tokio Mutex, guard held across the .await --";

/// On the paused clock, both fixes finish both visits (count 2) and let
/// the ticker tick 3 times while a visit saves. With the guard dropped
/// first, B counts at 10 ms and the saves overlap; with tokio's `Mutex`
/// held, B waits for A's save and counts at 100 ms, saving at 200 ms.
#[test]
fn both_fixes_finish_both_visits_and_the_ticker_ticks() {
    let lines = quiet_run_lines(PROGRAM, &["--clock", "paused"]);
    let scoped = part(&lines, SCOPED);
    let held = part(&lines, HELD);
    for part in [scoped, held] {
        assert_eq!(part.last().unwrap(), "count: 2", "{part:?}");
        for tick in ["ticker: 30 ms", "ticker: 60 ms", "ticker: 90 ms"] {
            assert!(part.iter().any(|l| l == tick), "no {tick:?} in {part:?}");
        }
    }
    assert_eq!(line_at(scoped, "B: count is 2, saving it"), 3);
    assert_eq!(line_at(scoped, "B: saved 2 at 110 ms"), 8);
    let a_saved = line_at(held, "A: saved 1 at 100 ms");
    assert_eq!(line_at(held, "B: count is 2, saving it"), a_saved + 1);
    assert_eq!(line_at(held, "B: saved 2 at 200 ms"), a_saved + 2);
}

/// On the real clock too, each part ends with both visits counted, and
/// with tokio's `Mutex` B counts only after A has saved.
#[test]
fn both_fixes_finish_on_the_real_clock() {
    let lines = quiet_run_lines(PROGRAM, &["--clock", "real"]);
    let scoped = part(&lines, SCOPED);
    let held = part(&lines, HELD);
    assert_eq!(scoped.last().unwrap(), "count: 2", "{scoped:?}");
    assert_eq!(held.last().unwrap(), "count: 2", "{held:?}");
    let a_saved = held.iter().position(|l| l.starts_with("A: saved 1 at"));
    let b_counts = line_at(held, "B: count is 2, saving it");
    assert!(a_saved.is_some_and(|a| a < b_counts), "{held:?}");
}
