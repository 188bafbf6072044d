//! A parent that returns while its child runs on: with bare `spawn`, the
//! child keeps printing; with a `JoinSet`, the child ends with the set.

use std::time::Duration;

use tokio::task::JoinSet;
use tokio::time::sleep;
use user_input::flags::{self, Clock};

fn main() {
    let clock: Clock = flags::from_env();
    let runtime = clock_runtime::runtime(clock);
    runtime.block_on(async {
        println!("-- with bare spawn --");
        parent_spawns().await;
        println!("main: the parent has returned");
        sleep(ms(1000)).await;
        println!("-- with a JoinSet --");
        parent_with_set().await;
        println!("main: the parent has returned");
        sleep(ms(1000)).await;
        println!("main: done");
    });
}

// ANCHOR: parents
async fn parent_spawns() {
    tokio::spawn(child());
    sleep(ms(750)).await;
    println!("parent: returns");
}

async fn parent_with_set() {
    let mut children = JoinSet::new();
    children.spawn(child());
    sleep(ms(750)).await;
    println!("parent: returns, and drops its JoinSet");
}
// ANCHOR_END: parents

// ANCHOR: child
/// Four ticks, 0.3 seconds apart; says how it ends.
async fn child() {
    let mut end = EndReport { finished: false };
    for tick in 1..=4 {
        sleep(ms(300)).await;
        println!("  child: tick {tick}");
    }
    end.finished = true;
}

/// Dropped when the child's body ends, or with its future if it is aborted.
struct EndReport {
    finished: bool,
}

impl Drop for EndReport {
    fn drop(&mut self) {
        match self.finished {
            true => println!("  child: done"),
            false => println!("  child: dropped before its end"),
        }
    }
}
// ANCHOR_END: child

fn ms(millis: u64) -> Duration {
    Duration::from_millis(millis)
}
