//! Two visits share a `std::sync::Mutex` on a current-thread runtime. The
//! first keeps its guard across an `.await`; the second then calls `lock`
//! and blocks the runtime's only thread, so the first never resumes.

use std::sync::Mutex;
use std::sync::mpsc;
use std::thread;
use std::time::Duration;

use tokio::time::{Instant, sleep};
use user_input::flags::{self, Clock};

/// How long a visit takes to save the count.
const SAVE: Duration = Duration::from_millis(100);
/// How long after the first visit the second one starts.
const LATER: Duration = Duration::from_millis(10);
/// The ticker's period; it ticks three times.
const TICK: Duration = Duration::from_millis(30);
/// How long `main` waits, in real time, for the runtime to finish.
const GIVE_UP: Duration = Duration::from_millis(500);

// ANCHOR: main
fn main() {
    let clock: Clock = flags::from_env();
    let (done, finished) = mpsc::channel();
    // The runtime gets a thread of its own, so that `main` can give up on it.
    thread::spawn(move || {
        let runtime = clock_runtime::runtime(clock);
        runtime.block_on(visits());
        done.send(()).expect("main is waiting");
    });
    match finished.recv_timeout(GIVE_UP) {
        Ok(()) => println!("main: the visits are done"),
        Err(_) => println!("main: no word from the runtime after {GIVE_UP:?}"),
    }
    // Returning from `main` ends the process, the stuck thread with it.
}
// ANCHOR_END: main

// ANCHOR: visits
async fn visits() {
    let count = Mutex::new(0);
    let start = Instant::now();
    tokio::join!(
        visit("A", &count, start),
        async {
            sleep(LATER).await;
            visit("B", &count, start).await;
        },
        ticker(start),
    );
}

#[expect(clippy::await_holding_lock, reason = "the deadlock shown here")]
async fn visit(name: &str, count: &Mutex<u32>, start: Instant) {
    println!("{name}: locking at {} ms", start.elapsed().as_millis());
    let mut guard = count.lock().unwrap();
    *guard += 1;
    println!("{name}: count is {}, saving it", *guard);
    sleep(SAVE).await; // the guard is still alive
    println!(
        "{name}: saved {} at {} ms",
        *guard,
        start.elapsed().as_millis()
    );
}
// ANCHOR_END: visits

async fn ticker(start: Instant) {
    for _ in 0..3 {
        sleep(TICK).await;
        println!("ticker: {} ms", start.elapsed().as_millis());
    }
}
