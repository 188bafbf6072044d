//! Waiting on many futures in one task with `join!`, `join_all` and
//! `try_join_all`: each gives its outputs in the order of its inputs,
//! whatever order the futures finish in.

use futures::future::{join_all, try_join_all};
use input_order::{job, ms_since};
use tokio::time::Instant;
use user_input::flags::{self, Clock};

fn main() {
    let clock: Clock = flags::from_env();
    let runtime = clock_runtime::runtime(clock);
    runtime.block_on(async {
        println!("-- join! --");
        with_join().await;
        println!("-- join_all --");
        with_join_all().await;
        println!("-- try_join_all, one job fails --");
        with_try_join_all().await;
    });
}

// ANCHOR: join
async fn with_join() {
    let start = Instant::now();
    let (a, b, c) = tokio::join!(
        job("slow", 300, false),
        job("quick", 100, false),
        job("medium", 200, false),
    );
    println!("caller: {:?} after {} ms", [a, b, c], ms_since(start));
}

async fn with_join_all() {
    let start = Instant::now();
    let jobs = [("slow", 300), ("quick", 100), ("medium", 200)];
    let futures = jobs.map(|(name, millis)| job(name, millis, false));
    let outcomes = join_all(futures).await;
    println!("caller: {outcomes:?} after {} ms", ms_since(start));
}
// ANCHOR_END: join

// ANCHOR: try
async fn with_try_join_all() {
    let start = Instant::now();
    let jobs = [
        ("slow", 300, false),
        ("quick", 100, false),
        ("failing", 150, true),
        ("medium", 200, false),
    ];
    let futures = jobs.map(|(name, millis, fails)| job(name, millis, fails));
    let outcome = try_join_all(futures).await;
    println!("caller: {outcome:?} after {} ms", ms_since(start));
}
// ANCHOR_END: try
