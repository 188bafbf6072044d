//! Two writers share a log in a `RefCell`, on one thread. The slow one
//! keeps its borrow across an `.await`, then ends it before.

use std::cell::RefCell;
use std::time::Duration;

use tokio::time::{Instant, sleep};
use user_input::flags::{self, Clock};

/// How long the slow writer waits between its two entries.
const SAVE: Duration = Duration::from_millis(100);
/// How long after the slow writer the quick one writes.
const LATER: Duration = Duration::from_millis(10);

type Log = RefCell<Vec<&'static str>>;

fn main() {
    let clock: Clock = flags::from_env();
    let runtime = clock_runtime::runtime(clock);
    runtime.block_on(async {
        println!("-- a borrow held across the .await --");
        let log = RefCell::new(Vec::new());
        tokio::join!(slow_held(&log), quick(&log, Instant::now()));
        println!("log: {:?}", log.borrow());

        println!("-- borrows that end before the .await --");
        let log = RefCell::new(Vec::new());
        tokio::join!(slow_short(&log), quick(&log, Instant::now()));
        println!("log: {:?}", log.borrow());
    });
}

// ANCHOR: held
#[expect(clippy::await_holding_refcell_ref, reason = "the conflict shown here")]
async fn slow_held(log: &Log) {
    let mut entries = log.borrow_mut();
    entries.push("A begins");
    sleep(SAVE).await; // the borrow is still alive
    entries.push("A ends");
}
// ANCHOR_END: held

// ANCHOR: quick
async fn quick(log: &Log, start: Instant) {
    sleep(LATER).await;
    let at = start.elapsed().as_millis();
    match log.try_borrow_mut() {
        Ok(mut entries) => {
            entries.push("B");
            println!("B: wrote its entry at {at} ms");
        }
        // `borrow_mut` would panic here, with the same message.
        Err(error) => println!("B: {error} at {at} ms"),
    }
}
// ANCHOR_END: quick

// ANCHOR: short
async fn slow_short(log: &Log) {
    log.borrow_mut().push("A begins"); // the borrow ends with the statement
    sleep(SAVE).await;
    log.borrow_mut().push("A ends");
}
// ANCHOR_END: short
