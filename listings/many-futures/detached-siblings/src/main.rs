//! `try_join_all` over the `JoinHandle`s of spawned tasks: it returns the
//! first error, but dropping the other handles only detaches their tasks,
//! which run on after the caller has given up.

use std::time::Duration;

use futures::future::try_join_all;
use input_order::{job, ms_since};
use tokio::time::{Instant, sleep};
use user_input::flags::{self, Clock};

fn main() {
    let clock: Clock = flags::from_env();
    let runtime = clock_runtime::runtime(clock);
    runtime.block_on(async {
        let start = Instant::now();
        let outcome = caller().await;
        println!("caller: {outcome:?} after {} ms", ms_since(start));
        sleep(Duration::from_millis(500)).await;
        println!("main: waited 500 ms more");
    });
}

/// The four jobs: each one's name, its time in ms, and whether it fails.
const JOBS: [(&str, u64, bool); 4] = [
    ("slow", 300, false),
    ("quick", 100, false),
    ("failing", 150, true),
    ("medium", 200, false),
];

// ANCHOR: caller
async fn caller() -> Result<Vec<&'static str>, String> {
    let handles =
        JOBS.map(|(name, millis, fails)| tokio::spawn(job(name, millis, fails)));
    let joined =
        handles.map(|handle| async move { handle.await.expect("no job panics") });
    try_join_all(joined).await
}
// ANCHOR_END: caller
