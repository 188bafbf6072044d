//! Two workers take jobs from one queue: from a `smol::channel`, whose
//! `Receiver` is `Clone`, and from a tokio `mpsc::Receiver` behind a lock.

use std::sync::Arc;
use std::time::Duration;

use tokio::sync::{Mutex, mpsc};
use tokio::time::sleep;
use user_input::flags::{self, Clock};

fn main() {
    let clock: Clock = flags::from_env();
    let runtime = clock_runtime::runtime(clock);
    runtime.block_on(async {
        println!("-- smol::channel, a receiver for each worker --");
        with_mpmc().await;
        println!("-- tokio mpsc, one receiver behind a Mutex --");
        with_shared_receiver().await;
    });
}

/// The workers' names and how long each takes over a job, in milliseconds.
const WORKERS: [(&str, u64); 2] = [("fast", 40), ("slow", 100)];
const JOBS: u32 = 6;

// ANCHOR: mpmc
async fn with_mpmc() {
    let (tx, rx) = smol::channel::bounded::<u32>(JOBS as usize);
    for job in 1..=JOBS {
        tx.send(job).await.expect("a receiver is alive");
    }
    drop(tx);

    let mut workers = Vec::new();
    for (name, millis) in WORKERS {
        let rx = rx.clone();
        workers.push(tokio::spawn(async move {
            // `recv` fails once the channel is empty and every sender is gone.
            while let Ok(job) = rx.recv().await {
                println!("{name} takes job {job}");
                sleep(Duration::from_millis(millis)).await;
            }
        }));
    }
    for worker in workers {
        worker.await.expect("no worker panics");
    }
}
// ANCHOR_END: mpmc

// ANCHOR: mutex
async fn with_shared_receiver() {
    let (tx, rx) = mpsc::channel::<u32>(JOBS as usize);
    for job in 1..=JOBS {
        tx.send(job).await.expect("the receiver is alive");
    }
    drop(tx);

    let rx = Arc::new(Mutex::new(rx));
    let mut workers = Vec::new();
    for (name, millis) in WORKERS {
        let rx = Arc::clone(&rx);
        workers.push(tokio::spawn(async move {
            loop {
                // The guard is a temporary: the lock is released at the
                // end of this statement, before the work starts.
                let Some(job) = rx.lock().await.recv().await else {
                    break;
                };
                println!("{name} takes job {job}");
                sleep(Duration::from_millis(millis)).await;
            }
        }));
    }
    for worker in workers {
        worker.await.expect("no worker panics");
    }
}
// ANCHOR_END: mutex
