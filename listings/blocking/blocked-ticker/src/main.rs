//! The ticker alone, then beside a CPU-bound job on the same
//! current-thread runtime: how late its ticks were, measured on the real
//! clock.

use std::sync::{Arc, OnceLock};
use std::time::Duration;

use blocked_ticker::{
    Lateness, Settings, hash_all, ms, on_new_runtime, ratio, ticker,
};
use tokio::time::Instant;
use user_input::flags;

fn main() {
    let settings: Settings = flags::from_env();
    println!(
        "a ticker every 10 ms on a current-thread runtime; a job of {} chunks",
        settings.chunks
    );
    let alone = on_new_runtime(alone());
    report("ticker alone:", &alone);
    let blocked = on_new_runtime(blocked(settings.chunks));
    report("beside the job:", &blocked);
    println!(
        "beside the job / alone: median {:.0}x, 90th percentile {:.0}x, max {:.0}x",
        ratio(blocked.median(), alone.median()),
        ratio(blocked.percentile(90), alone.percentile(90)),
        ratio(blocked.max(), alone.max()),
    );
}

/// The ticker with nothing beside it, for 0.2 s.
async fn alone() -> Lateness {
    let start = Instant::now();
    let finished = Arc::new(OnceLock::from(start + Duration::from_millis(200)));
    let ticks = tokio::spawn(ticker(start, finished)).await;
    Lateness::new(ticks.expect("the ticker does not panic"))
}

// ANCHOR: blocked
/// The ticker, and a task that hashes `chunks` chunks without an `.await`.
async fn blocked(chunks: u64) -> Lateness {
    let start = Instant::now();
    let finished = Arc::new(OnceLock::new());
    let ticks = tokio::spawn(ticker(start, finished.clone()));
    let job = tokio::spawn(async move {
        let hash = hash_all(chunks); // no .await: the thread is never given back
        finished.set(Instant::now()).expect("set once");
        hash
    });
    job.await.expect("the job does not panic");
    Lateness::new(ticks.await.expect("the ticker does not panic"))
}
// ANCHOR_END: blocked

fn report(what: &str, late: &Lateness) {
    let [under_1, under_10, under_100, more] = late.histogram();
    println!(
        "{what:16}{} ticks, late by: median {} ms, 90th percentile {} ms, max {} ms",
        late.ticks(),
        ms(late.median()),
        ms(late.percentile(90)),
        ms(late.max()),
    );
    println!(
        "{:16}under 1 ms: {under_1}, 1 to 10 ms: {under_10}, \
         10 to 100 ms: {under_100}, 100 ms or more: {more}",
        ""
    );
}
