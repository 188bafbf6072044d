//! A queue kept in a struct with both its ends: while `main` keeps the
//! struct, it keeps a sender, and the consumers never see the channel
//! close. `--part broken` waits with the struct alive; `--part fixed` drops
//! it first.

use std::sync::Arc;
use std::time::Duration;

use tokio::sync::Mutex;
use tokio::sync::mpsc::{self, WeakSender};
use tokio::task::JoinSet;
use tokio::time::{sleep, timeout};
use user_input::flags::{self, Clock, Flag, Flags};

fn main() {
    let settings: Settings = flags::from_env();
    let runtime = clock_runtime::runtime(settings.clock);
    if settings.fixed {
        runtime.block_on(fixed());
    } else {
        runtime.block_on(broken());
    }
}

// ANCHOR: queue
/// A work queue's two ends, kept together so that tasks can be started
/// from one value.
struct WorkQueue {
    tx: mpsc::Sender<u32>,
    rx: Arc<Mutex<mpsc::Receiver<u32>>>,
}

impl WorkQueue {
    fn new(capacity: usize) -> Self {
        let (tx, rx) = mpsc::channel(capacity);
        let rx = Arc::new(Mutex::new(rx));
        WorkQueue { tx, rx }
    }

    fn sender(&self) -> mpsc::Sender<u32> {
        self.tx.clone()
    }

    fn receiver(&self) -> Arc<Mutex<mpsc::Receiver<u32>>> {
        Arc::clone(&self.rx)
    }
}

async fn producer(tx: mpsc::Sender<u32>, items: u32) -> String {
    for item in 1..=items {
        tx.send(item).await.expect("a consumer holds the queue");
    }
    format!("the producer has sent {items} items")
}

async fn consumer(number: u32, rx: Arc<Mutex<mpsc::Receiver<u32>>>) -> String {
    loop {
        let Some(item) = rx.lock().await.recv().await else {
            break;
        };
        println!("consumer {number}: took {item}");
        sleep(Duration::from_millis(10)).await;
    }
    format!("consumer {number} saw the queue closed")
}
// ANCHOR_END: queue

// ANCHOR: parts
async fn broken() {
    let queue = WorkQueue::new(2);
    let mut tasks = JoinSet::new();
    tasks.spawn(producer(queue.sender(), 4));
    for number in 1..=2 {
        tasks.spawn(consumer(number, queue.receiver()));
    }
    wait_for(tasks, queue.tx.downgrade()).await;
}

async fn fixed() {
    let queue = WorkQueue::new(2);
    let mut tasks = JoinSet::new();
    tasks.spawn(producer(queue.sender(), 4));
    for number in 1..=2 {
        tasks.spawn(consumer(number, queue.receiver()));
    }
    let senders = queue.tx.downgrade();
    drop(queue); // and the sender in it
    wait_for(tasks, senders).await;
}
// ANCHOR_END: parts

// ANCHOR: wait
/// How long `main` waits for the next task to end before it gives up.
const LIMIT: Duration = Duration::from_secs(1);

/// Waits for every task, or says why it gave up. A `WeakSender` does not
/// keep the channel open; it only counts the senders that do.
async fn wait_for(mut tasks: JoinSet<String>, senders: WeakSender<u32>) {
    loop {
        match timeout(LIMIT, tasks.join_next()).await {
            Ok(Some(ended)) => println!("main: {}", ended.expect("no panic")),
            Ok(None) => return println!("main: every task has ended"),
            Err(_) => {
                println!(
                    "main: no task ended for {LIMIT:?}; {} still running, \
                     {} sender(s) alive",
                    tasks.len(),
                    senders.strong_count()
                );
                return println!("main: gives up; dropping the set aborts them");
            }
        }
    }
}
// ANCHOR_END: wait

/// `--part broken|fixed` and `--clock real|paused`.
#[derive(Default)]
struct Settings {
    fixed: bool,
    clock: Clock,
}

impl Flags for Settings {
    const FLAGS: &'static [Flag] = &[
        Flag {
            name: "--part",
            value: "broken|fixed",
            help: "broken: main keeps the queue while it waits (default); \
                   fixed: main drops it first",
        },
        Clock::FLAGS[0],
    ];

    fn set(&mut self, name: &str, value: &str) -> Result<(), String> {
        match (name, value) {
            ("--part", "broken") => self.fixed = false,
            ("--part", "fixed") => self.fixed = true,
            ("--part", _) => {
                return Err(format!("--part is broken or fixed, not {value:?}"));
            }
            _ => self.clock.set(name, value)?,
        }
        Ok(())
    }
}
