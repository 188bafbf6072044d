//! tokio has no channel of capacity 0. A sender that must wait until its
//! value is taken sends a `oneshot` sender with it and awaits the reply.

use std::time::Duration;

use tokio::sync::{mpsc, oneshot};
use tokio::time::sleep;
use user_input::flags::{self, Clock};

fn main() {
    let clock: Clock = flags::from_env();
    let runtime = clock_runtime::runtime(clock);
    runtime.block_on(async {
        println!("-- capacity 1: the producer runs ahead --");
        ahead().await;
        println!("-- capacity 1 and an acknowledgement: a rendezvous --");
        rendezvous().await;
    });
}

// ANCHOR: ahead
async fn ahead() {
    let (tx, mut rx) = mpsc::channel::<u32>(1);
    tokio::spawn(async move {
        for item in 1..=3 {
            println!("producer: offers {item}");
            tx.send(item).await.expect("the consumer listens");
            println!("producer: sent {item}");
        }
    });
    while let Some(item) = rx.recv().await {
        println!("consumer: took {item}");
        sleep(Duration::from_millis(50)).await;
    }
}
// ANCHOR_END: ahead

// ANCHOR: rendezvous
async fn rendezvous() {
    let (tx, mut rx) = mpsc::channel::<(u32, oneshot::Sender<()>)>(1);
    tokio::spawn(async move {
        for item in 1..=3 {
            println!("producer: offers {item}");
            let (ack_tx, ack_rx) = oneshot::channel();
            tx.send((item, ack_tx)).await.expect("the consumer listens");
            ack_rx.await.expect("the consumer acknowledges");
            println!("producer: {item} was taken");
        }
    });
    while let Some((item, ack)) = rx.recv().await {
        println!("consumer: took {item}");
        ack.send(()).expect("the producer waits for it");
        sleep(Duration::from_millis(50)).await;
    }
}
// ANCHOR_END: rendezvous
