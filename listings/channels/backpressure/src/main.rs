//! A fast producer and a slow consumer on a bounded `mpsc` channel: the
//! producer waits whenever the buffer is full.

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
/// How many items the channel holds that nobody has received yet.
const CAPACITY: usize = 2;

async fn run() {
    let (tx, mut rx) = mpsc::channel::<u32>(CAPACITY);

    let producer = tokio::spawn(async move {
        for item in 1..=5 {
            println!("producer: sending {item}");
            tx.send(item).await.expect("the consumer still listens");
            println!("producer: sent {item}, room for {}", tx.capacity());
        }
        println!("producer: done, drops its sender");
    });

    while let Some(item) = rx.recv().await {
        println!("consumer: got {item}, works 50 ms");
        sleep(Duration::from_millis(50)).await;
    }
    println!("consumer: recv gave None, the loop ends");
    producer.await.expect("the producer does not panic");
}
// ANCHOR_END: run
