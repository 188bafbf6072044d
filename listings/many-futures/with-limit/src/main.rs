//! The same hundred jobs, at most ten in flight at once: with
//! `buffer_unordered`, in one task, and with a `Semaphore`, whose permits
//! spawned tasks hold.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use futures::stream::{self, StreamExt};
use tokio::sync::Semaphore;
use tokio::task::JoinSet;
use tokio::time::{Instant, sleep};
use user_input::flags::{self, Clock};

/// How many jobs there are, and how many may be in flight at once.
const JOBS: u64 = 100;
const LIMIT: usize = 10;

fn main() {
    let clock: Clock = flags::from_env();
    let runtime = clock_runtime::runtime(clock);
    runtime.block_on(async {
        println!("-- buffer_unordered({LIMIT}) --");
        report(with_buffer_unordered).await;
        println!("-- Semaphore::new({LIMIT}), tasks in a JoinSet --");
        report(with_semaphore).await;
    });
}

/// Runs the jobs with `run_all` and says what happened.
async fn report<F: Future<Output = Vec<u64>>>(run_all: fn(Arc<Gauge>) -> F) {
    let start = Instant::now();
    let gauge = Arc::new(Gauge::default());
    let ids = run_all(gauge.clone()).await;
    println!("jobs done: {}", ids.len());
    println!(
        "most in flight at once: {}",
        gauge.most.load(Ordering::Relaxed)
    );
    println!("all done after {} ms", start.elapsed().as_millis());
}

// ANCHOR: buffer
async fn with_buffer_unordered(gauge: Arc<Gauge>) -> Vec<u64> {
    stream::iter(1..=JOBS)
        .map(|id| job(id, gauge.clone()))
        .buffer_unordered(LIMIT)
        .collect()
        .await
}
// ANCHOR_END: buffer

// ANCHOR: semaphore
async fn with_semaphore(gauge: Arc<Gauge>) -> Vec<u64> {
    let permits = Arc::new(Semaphore::new(LIMIT));
    let mut set = JoinSet::new();
    for id in 1..=JOBS {
        // Waits here while LIMIT tasks hold a permit.
        let permit = permits.clone().acquire_owned().await;
        let permit = permit.expect("the semaphore is never closed");
        let gauge = gauge.clone();
        set.spawn(async move {
            let id = job(id, gauge).await;
            drop(permit);
            id
        });
    }
    set.join_all().await
}
// ANCHOR_END: semaphore

// ANCHOR: job
/// One request to a service: from 10 to 50 ms, which depends on `id`.
async fn job(id: u64, gauge: Arc<Gauge>) -> u64 {
    gauge.start();
    sleep(Duration::from_millis(10 + id * 7 % 41)).await;
    gauge.end();
    id
}

/// How many jobs are in flight, and the most there have been at once.
#[derive(Default)]
struct Gauge {
    now: AtomicUsize,
    most: AtomicUsize,
}

impl Gauge {
    fn start(&self) {
        let now = self.now.fetch_add(1, Ordering::Relaxed) + 1;
        self.most.fetch_max(now, Ordering::Relaxed);
    }

    fn end(&self) {
        self.now.fetch_sub(1, Ordering::Relaxed);
    }
}
// ANCHOR_END: job
