//! The visits of `deadlock-one-thread`, fixed in two ways and spawned as
//! tasks: a `std::sync::Mutex` whose guard is dropped before the `.await`,
//! and a `tokio::sync::Mutex` whose guard is held across it.

use std::sync::Arc;
use std::time::Duration;

use tokio::task::JoinSet;
use tokio::time::{Instant, sleep};
use user_input::flags::{self, Clock};

/// How long a visit takes to save the count.
const SAVE: Duration = Duration::from_millis(100);
/// How long after the first visit the second one starts.
const LATER: Duration = Duration::from_millis(10);
/// The ticker's period; it ticks three times.
const TICK: Duration = Duration::from_millis(30);

fn main() {
    let clock: Clock = flags::from_env();
    let runtime = clock_runtime::runtime(clock);
    runtime.block_on(async {
        println!("-- std Mutex, guard dropped before the .await --");
        let count = Arc::new(std::sync::Mutex::new(0));
        let start = Instant::now();
        let mut tasks = JoinSet::new();
        tasks.spawn(scoped("A", Arc::clone(&count), start));
        tasks.spawn(later(scoped("B", Arc::clone(&count), start)));
        tasks.spawn(ticker(start));
        tasks.join_all().await;
        println!("count: {}", count.lock().unwrap());

        println!("-- tokio Mutex, guard held across the .await --");
        let count = Arc::new(tokio::sync::Mutex::new(0));
        let start = Instant::now();
        let mut tasks = JoinSet::new();
        tasks.spawn(held("A", Arc::clone(&count), start));
        tasks.spawn(later(held("B", Arc::clone(&count), start)));
        tasks.spawn(ticker(start));
        tasks.join_all().await;
        println!("count: {}", count.lock().await);
    });
}

// ANCHOR: scoped
async fn scoped(name: &str, count: Arc<std::sync::Mutex<u32>>, start: Instant) {
    println!("{name}: locking at {} ms", start.elapsed().as_millis());
    let saving = {
        let mut guard = count.lock().unwrap();
        *guard += 1;
        *guard
    }; // the guard is dropped here, before any `.await`
    println!("{name}: count is {saving}, saving it");
    sleep(SAVE).await;
    println!(
        "{name}: saved {saving} at {} ms",
        start.elapsed().as_millis()
    );
}
// ANCHOR_END: scoped

// ANCHOR: held
async fn held(name: &str, count: Arc<tokio::sync::Mutex<u32>>, start: Instant) {
    println!("{name}: locking at {} ms", start.elapsed().as_millis());
    let mut guard = count.lock().await; // waits without blocking the thread
    *guard += 1;
    println!("{name}: count is {}, saving it", *guard);
    sleep(SAVE).await; // held: the saves happen in the order of the count
    println!(
        "{name}: saved {} at {} ms",
        *guard,
        start.elapsed().as_millis()
    );
}
// ANCHOR_END: held

/// `visit`, started `LATER`.
async fn later(visit: impl Future<Output = ()>) {
    sleep(LATER).await;
    visit.await;
}

async fn ticker(start: Instant) {
    for _ in 0..3 {
        sleep(TICK).await;
        println!("ticker: {} ms", start.elapsed().as_millis());
    }
}
