//! Three producers and two consumers on one bounded tokio `mpsc` channel:
//! the producers wait while the queue is full, and the program ends once
//! every sender is gone and every task has ended.

use std::sync::Arc;
use std::time::Duration;

use tokio::sync::{Mutex, mpsc};
use tokio::task::JoinSet;
use tokio::time::{Instant, sleep};
use user_input::flags::{self, Clock};

fn main() {
    let clock: Clock = flags::from_env();
    let runtime = clock_runtime::runtime(clock);
    runtime.block_on(run());
}

/// The time since `start`, in milliseconds, for the left of each line.
fn at(start: Instant) -> String {
    format!("{:4} ms", start.elapsed().as_millis())
}

// ANCHOR: tasks
/// How many items the queue holds that no consumer has taken yet.
const CAPACITY: usize = 2;
/// Each producer's name, and how long it takes to make each of its items.
const PRODUCERS: [(&str, u64); 3] = [("A", 10), ("B", 15), ("C", 20)];
/// How long a consumer works on one item.
const WORK: Duration = Duration::from_millis(50);

type Queue = Arc<Mutex<mpsc::Receiver<String>>>;

async fn producer(
    name: &str,
    millis: u64,
    tx: mpsc::Sender<String>,
    start: Instant,
) -> String {
    for n in 1..=3 {
        sleep(Duration::from_millis(millis)).await;
        let item = format!("{name}{n}");
        let asked = Instant::now();
        tx.send(item.clone())
            .await
            .expect("a consumer holds the queue");
        let waited = asked.elapsed().as_millis();
        println!("{}  {name}: sent {item}, waited {waited} ms", at(start));
    }
    format!("{name} has sent its items; its sender is dropped")
}

async fn consumer(number: u32, queue: Queue, start: Instant) -> String {
    let mut took = 0;
    loop {
        // The guard is a temporary, released at the end of the `let`:
        // in a `while let`, it would be held through the loop's body.
        let Some(item) = queue.lock().await.recv().await else {
            break;
        };
        println!("{}    consumer {number}: took {item}", at(start));
        sleep(WORK).await;
        took += 1;
    }
    format!("consumer {number} saw the queue closed, after {took} items")
}
// ANCHOR_END: tasks

// ANCHOR: run
async fn run() {
    let start = Instant::now();
    let (tx, rx) = mpsc::channel(CAPACITY);
    let queue = Arc::new(Mutex::new(rx));
    let mut tasks = JoinSet::new();
    for (name, millis) in PRODUCERS {
        tasks.spawn(producer(name, millis, tx.clone(), start));
    }
    for number in 1..=2 {
        tasks.spawn(consumer(number, Arc::clone(&queue), start));
    }
    // The last sender that no producer owns. Dropped, so that the
    // channel closes when the producers end.
    drop(tx);

    while let Some(ended) = tasks.join_next().await {
        println!("{}  main: {}", at(start), ended.expect("no task panics"));
    }
    println!("{}  main: every task has ended", at(start));
}
// ANCHOR_END: run
