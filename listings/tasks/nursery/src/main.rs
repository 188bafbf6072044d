//! The same three jobs, spawned with bare `spawn` and with a `JoinSet`.

use std::time::Duration;

use tokio::task::{JoinHandle, JoinSet};
use tokio::time::sleep;
use user_input::flags::{self, Clock};

/// Each job's name and how long it takes, in milliseconds.
const JOBS: [(&str, u64); 3] = [("slow", 600), ("quick", 200), ("medium", 400)];

fn main() {
    let clock: Clock = flags::from_env();
    let runtime = clock_runtime::runtime(clock);
    runtime.block_on(async {
        println!("-- bare spawn, handles awaited in turn --");
        with_handles().await;
        println!("-- JoinSet, join_next --");
        with_join_next().await;
        println!("-- JoinSet, join_all --");
        with_join_all().await;
    });
}

// ANCHOR: handles
async fn job(name: &'static str, millis: u64) -> &'static str {
    sleep(Duration::from_millis(millis)).await;
    println!("  {name}: done after {millis} ms");
    name
}

async fn with_handles() {
    let mut handles: Vec<JoinHandle<&str>> = Vec::new();
    for (name, millis) in JOBS {
        handles.push(tokio::spawn(job(name, millis)));
    }
    for handle in handles {
        let name = handle.await.expect("no job panics");
        println!("parent: got {name}");
    }
}
// ANCHOR_END: handles

// ANCHOR: set
async fn with_join_next() {
    let mut jobs = JoinSet::new();
    for (name, millis) in JOBS {
        jobs.spawn(job(name, millis));
    }
    while let Some(result) = jobs.join_next().await {
        let name = result.expect("no job panics");
        println!("parent: got {name}");
    }
}

async fn with_join_all() {
    let jobs: JoinSet<_> = JOBS
        .into_iter()
        .map(|(name, millis)| job(name, millis))
        .collect();
    let names = jobs.join_all().await;
    println!("parent: got {names:?}");
}
// ANCHOR_END: set
