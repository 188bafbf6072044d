//! The supervisor over many seeds, in this process on tokio's paused clock;
//! and the unsupervised version, which loses items, run as the book shows
//! it.

use std::time::Duration;

use supervisor::{Report, all_items, supervised, unsupervised};
use tokio::runtime::Builder;
use tokio::time::timeout;

const PROGRAM: &str = env!("CARGO_BIN_EXE_supervisor");

/// How long, on the paused clock, a run may take before it counts as hung:
/// far more than any run needs (a few seconds of the clock at most).
const HUNG: Duration = Duration::from_secs(3600);

/// Runs `part` with `seed` on a paused clock; `None` if it did not end
/// within `HUNG`. A run that waits for nothing lets the clock jump to the
/// limit, so a hang fails the test instead of stopping it.
fn run<F: Future<Output = Report>>(
    part: impl FnOnce(u64) -> F,
    seed: u64,
) -> Option<Report> {
    let runtime = Builder::new_current_thread()
        .enable_all()
        .start_paused(true)
        .build()
        .unwrap();
    runtime
        .block_on(async { timeout(HUNG, part(seed)).await })
        .ok()
}

/// Over 200 seeds, the supervisor ends, and the ledger records every item
/// finished exactly once: none lost, none recorded twice. At least 100 of
/// those seeds make some consumer fail, so the supervisor had work to do.
#[test]
fn the_supervisor_finishes_every_item_exactly_once() {
    let mut with_failures = 0;
    for seed in 0..200 {
        let report =
            run(supervised, seed).unwrap_or_else(|| panic!("seed {seed} hangs"));
        assert!(report.exactly_once(), "seed {seed}: {report:?}");
        assert_eq!(report.done.len(), all_items().len(), "seed {seed}");
        // Without a supervisor, the same seed loses an item if a consumer
        // fails, since the first failure happens the same way in both.
        let broken = run(unsupervised, seed).expect("bounded by STALL");
        if broken.done.len() < all_items().len() {
            with_failures += 1;
        }
    }
    assert!(with_failures >= 100, "{with_failures}");
}

/// Not every seed stalls: with seed 1, one consumer fails and loses the
/// item it held, and the other two finish the rest.
#[test]
fn seed_1_loses_one_item_and_does_not_stall() {
    let report = run(unsupervised, 1).expect("bounded by STALL");
    assert_eq!(report.held.len(), 1, "{report:?}");
    assert_eq!(report.done.len(), all_items().len() - 1, "{report:?}");
    assert!(!report.stalled, "{report:?}");
}

/// The run the book shows: seed 39 without a supervisor loses items held
/// by consumers that failed, left in the queue and never sent, and reports
/// that the producers stalled; with the supervisor, it finishes all 12.
#[test]
fn seed_39_loses_items_without_the_supervisor() {
    let lines =
        user_input::quiet_run_lines(PROGRAM, &["--seed", "39", "--clock", "paused"]);
    for start in [
        "lost, held by a consumer that failed: ",
        "lost, left in the queue: ",
        "lost, never sent: ",
        "main: the producers still wait after 10s",
    ] {
        assert!(
            lines.iter().any(|l| l.starts_with(start)),
            "{start}: {lines:?}"
        );
    }
    let args = ["--seed", "39", "--part", "fixed", "--clock", "paused"];
    let lines = user_input::quiet_run_lines(PROGRAM, &args);
    assert_eq!(lines.last().unwrap(), "finished 12 of 12 items, each once");
    assert!(lines.iter().any(|l| l.starts_with("supervisor: consumer ")));
}
