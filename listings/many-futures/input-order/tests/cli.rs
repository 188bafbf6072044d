//! Whole runs of the listing on the paused clock, whose order is exact, and
//! one of `try_join_all` over more than 30 futures. The listing's
//! `--help` and bad flags are tested for every listing in `book-tests`.

use std::time::Duration;

use futures::future::try_join_all;
use tokio::time::{Instant, sleep};
use user_input::{line_at, part};

const PROGRAM: &str = env!("CARGO_BIN_EXE_input-order");

fn run() -> Vec<String> {
    user_input::quiet_run_lines(PROGRAM, &["--clock", "paused"])
}

/// `join!` and `join_all` get the jobs done quick, medium, slow, but give
/// their outputs slow, quick, medium, the order of the inputs, after
/// 300 ms: the time of the slowest job, not the 600 ms of all three in
/// turn.
#[test]
fn outputs_come_in_input_order_whatever_the_finish_order() {
    let lines = run();
    for heading in ["-- join! --", "-- join_all --"] {
        let part = part(&lines, heading);
        let done: Vec<&str> = part
            .iter()
            .filter_map(|l| l.split_once(": done after "))
            .map(|(name, _)| name.trim())
            .collect();
        assert_eq!(done, ["quick", "medium", "slow"], "{part:?}");
        let outputs = r#"[Ok("slow"), Ok("quick"), Ok("medium")]"#;
        let last = format!("caller: {outputs} after 300 ms");
        assert_eq!(part.last(), Some(&last), "{part:?}");
    }
}

/// At the first error, after 150 ms, `try_join_all` drops the futures
/// that have not finished: slow and medium say they were cancelled before
/// the caller gets the error, and never finish.
#[test]
fn try_join_all_drops_the_other_futures_at_the_first_error() {
    let lines = run();
    let part = part(&lines, "-- try_join_all, one job fails --");
    let caller = line_at(part, r#"caller: Err("failing failed") after 150 ms"#);
    for name in ["slow", "medium"] {
        assert!(line_at(part, &format!("  {name}: cancelled")) < caller);
        assert!(
            !part
                .iter()
                .any(|l| l.starts_with(&format!("  {name}: done")))
        );
    }
    assert!(line_at(part, "  quick: done after 100 ms") < caller);
}

/// Given more than 30 futures, `try_join_all` collects them through a
/// `FuturesOrdered`, which hands out outputs in input order, so an error
/// waits for every future before it in the list. A 300 ms job first, one
/// that fails after 150 ms next, 10 ms jobs after them: with 30 futures in
/// all the error comes at 150 ms, with 31 at 300 ms.
#[test]
fn past_thirty_futures_an_error_waits_for_those_before_it() {
    assert_eq!(error_after_ms(30), 150);
    assert_eq!(error_after_ms(31), 300);
}

/// The time `try_join_all` takes to give the error, over `count` futures.
fn error_after_ms(count: usize) -> u128 {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .start_paused(true)
        .build()
        .expect("a runtime for this thread");
    runtime.block_on(async {
        let start = Instant::now();
        let jobs = (0..count).map(|at| match at {
            0 => wait(300, false),
            1 => wait(150, true),
            _ => wait(10, false),
        });
        let outcome = try_join_all(jobs).await;
        assert_eq!(outcome, Err(()));
        start.elapsed().as_millis()
    })
}

async fn wait(millis: u64, fails: bool) -> Result<(), ()> {
    sleep(Duration::from_millis(millis)).await;
    if fails { Err(()) } else { Ok(()) }
}
