use std::time::Duration;

use tokio::time::{Instant, sleep};

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    let start = Instant::now();
    let slow = tokio::spawn(sleep(Duration::from_secs(30)));
    sleep(Duration::from_secs(5)).await;
    println!("after the sleep: {:?}", start.elapsed());
    slow.await.unwrap();
    println!("after the task: {:?}", start.elapsed());
}
