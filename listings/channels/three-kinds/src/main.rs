//! `oneshot`, `broadcast` and `watch`, each in the smallest program that
//! shows what it does differently.

use tokio::sync::{broadcast, oneshot, watch};

#[tokio::main(flavor = "current_thread")]
async fn main() {
    println!("-- oneshot --");
    one_reply().await;
    println!("-- broadcast --");
    every_receiver().await;
    println!("-- watch --");
    latest_only().await;
}

// ANCHOR: oneshot
async fn one_reply() {
    let (tx, rx) = oneshot::channel::<u32>();
    tokio::spawn(async move {
        // `send` takes `tx` by value: there is no second send.
        tx.send(6 * 7).expect("rx is alive");
    });
    println!("reply: {:?}", rx.await);

    let (tx, rx) = oneshot::channel::<u32>();
    tokio::spawn(async move { drop(tx) });
    println!("no reply: {:?}", rx.await);
}
// ANCHOR_END: oneshot

// ANCHOR: broadcast
async fn every_receiver() {
    let (tx, mut quick) = broadcast::channel::<u32>(2);
    let mut slow = tx.subscribe();
    for n in 1..=4 {
        tx.send(n).expect("a receiver is alive");
        println!("quick got {:?}", quick.recv().await);
    }
    drop(tx);
    for _ in 0..4 {
        println!("slow got {:?}", slow.recv().await);
    }
}
// ANCHOR_END: broadcast

// ANCHOR: watch
async fn latest_only() {
    let (tx, mut rx) = watch::channel("starting");
    println!("first look: {}", *rx.borrow());
    for state in ["loading", "ready", "running"] {
        tx.send(state).expect("rx is alive");
    }
    rx.changed().await.expect("tx is alive");
    println!("after three sends: {}", *rx.borrow_and_update());
    drop(tx);
    println!("after the drop: {:?}", rx.changed().await);
}
// ANCHOR_END: watch
