//! Three producers, each with a clone of one sender, and one consumer
//! whose loop ends when the last clone is dropped.

use std::time::Duration;

use tokio::sync::mpsc;
use tokio::time::sleep;
use user_input::flags::{self, Clock};

fn main() {
    let clock: Clock = flags::from_env();
    let runtime = clock_runtime::runtime(clock);
    runtime.block_on(run());
}

// ANCHOR: run
/// Each producer's name and how long it waits before each of its items.
const PRODUCERS: [(&str, u64); 3] = [("A", 40), ("B", 60), ("C", 100)];

async fn run() {
    let (tx, mut rx) = mpsc::channel::<String>(8);

    for (name, millis) in PRODUCERS {
        let tx = tx.clone();
        tokio::spawn(async move {
            for n in 1..=2 {
                sleep(Duration::from_millis(millis)).await;
                tx.send(format!("{name}{n}")).await.expect("rx is alive");
            }
            println!("  {name}: done, drops its clone");
        });
    }
    // main's own sender: without this line, recv would wait forever.
    drop(tx);

    while let Some(item) = rx.recv().await {
        println!("consumer: got {item}");
    }
    println!("consumer: every sender is gone, recv gave None");
}
// ANCHOR_END: run
