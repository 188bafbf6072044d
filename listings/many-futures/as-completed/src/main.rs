//! Taking results as they complete: from a `FuturesUnordered`, whose
//! futures move on only while its owner polls it, and from a `JoinSet`,
//! whose tasks the runtime polls whatever the owner is doing.

use std::time::Duration;

use futures::stream::{FuturesUnordered, StreamExt};
use tokio::task::JoinSet;
use tokio::time::{Instant, sleep};
use user_input::flags::{self, Clock};

/// Each job's name, and its time in ms: two halves of a sleep.
const JOBS: [(&str, u64); 3] = [("slow", 400), ("quick", 100), ("medium", 240)];

/// How long the caller works on each result before it asks for the next.
const HANDLING: Duration = Duration::from_millis(130);

fn main() {
    let clock: Clock = flags::from_env();
    let runtime = clock_runtime::runtime(clock);
    runtime.block_on(async {
        println!("-- FuturesUnordered --");
        with_futures_unordered(Instant::now()).await;
        println!("-- JoinSet --");
        with_join_set(Instant::now()).await;
    });
}

// ANCHOR: job
/// Two steps of `millis / 2` ms each, with a line after each.
async fn job(start: Instant, name: &'static str, millis: u64) -> &'static str {
    sleep(Duration::from_millis(millis / 2)).await;
    println!("  {name}: half way at {} ms", ms_since(start));
    sleep(Duration::from_millis(millis / 2)).await;
    println!("  {name}: done at {} ms", ms_since(start));
    name
}
// ANCHOR_END: job

// ANCHOR: callers
async fn with_futures_unordered(start: Instant) {
    let mut running: FuturesUnordered<_> = JOBS
        .into_iter()
        .map(|(name, millis)| job(start, name, millis))
        .collect();
    while let Some(name) = running.next().await {
        println!("caller: got {name} at {} ms", ms_since(start));
        sleep(HANDLING).await;
    }
}

async fn with_join_set(start: Instant) {
    let mut running: JoinSet<_> = JOBS
        .into_iter()
        .map(|(name, millis)| job(start, name, millis))
        .collect();
    while let Some(joined) = running.join_next().await {
        let name = joined.expect("no job panics");
        println!("caller: got {name} at {} ms", ms_since(start));
        sleep(HANDLING).await;
    }
}
// ANCHOR_END: callers

fn ms_since(start: Instant) -> u128 {
    start.elapsed().as_millis()
}
