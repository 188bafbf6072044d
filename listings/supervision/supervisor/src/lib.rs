//! Consumers that fail at random, on one bounded tokio `mpsc` channel:
//! `unsupervised` lets them die, `supervised` restarts each one with the
//! item it held. Both keep the same ledger, which says at the end what
//! became of every item.

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;
use std::time::Duration;

use rand::rngs::Xoshiro256PlusPlus;
use rand::{RngExt, SeedableRng};
use tokio::sync::{Mutex, mpsc};
use tokio::task::{JoinError, JoinSet};
use tokio::time::{sleep, timeout};

/// The producers' names; each sends `ITEMS_EACH` items, such as `B2`.
pub const PRODUCERS: [&str; 3] = ["A", "B", "C"];
pub const ITEMS_EACH: u32 = 4;
/// How many consumers run at once.
pub const CONSUMERS: u32 = 3;
/// How many items the queue holds that no consumer has taken yet.
pub const CAPACITY: usize = 3;
/// The chance that a consumer fails on one item.
pub const FAILURE: f64 = 0.15;
/// How long `main` waits for the producers once no consumer is left.
pub const STALL: Duration = Duration::from_secs(10);

/// Every item, in the order the producers make them.
pub fn all_items() -> Vec<String> {
    let names = PRODUCERS.iter();
    let items =
        names.flat_map(|name| (1..=ITEMS_EACH).map(move |n| format!("{name}{n}")));
    items.collect()
}

/// What became of the items: written by the producers and consumers,
/// read by `main`. The lock is a `std` one, never held across an `.await`.
#[derive(Default)]
pub struct Ledger(std::sync::Mutex<Books>);

#[derive(Default)]
struct Books {
    sent: Vec<String>,
    taken: Vec<String>,
    /// The item each consumer holds, by its number.
    held: BTreeMap<u32, String>,
    /// How many times each item was finished.
    done: BTreeMap<String, u32>,
}

impl Ledger {
    fn sent(&self, item: &str) {
        self.0.lock().unwrap().sent.push(item.to_string());
    }

    fn took(&self, consumer: u32, item: &str) {
        let mut books = self.0.lock().unwrap();
        books.taken.push(item.to_string());
        books.held.insert(consumer, item.to_string());
    }

    /// The consumer's item is done: it stops holding it, in the same step.
    fn finished(&self, consumer: u32) {
        let mut books = self.0.lock().unwrap();
        let item = books.held.remove(&consumer).expect("it holds an item");
        *books.done.entry(item).or_default() += 1;
    }

    /// The item that `consumer` held and did not finish, taken out of its
    /// hands.
    pub fn held_by(&self, consumer: u32) -> Option<String> {
        self.0.lock().unwrap().held.remove(&consumer)
    }

    /// What became of every item.
    pub fn report(&self, stalled: bool) -> Report {
        let books = self.0.lock().unwrap();
        let not = |list: &[String], item: &String| !list.contains(item);
        let all = all_items();
        Report {
            done: books.done.clone(),
            held: all
                .iter()
                .filter(|i| books.held.values().any(|h| h == *i))
                .cloned()
                .collect(),
            queued: all
                .iter()
                .filter(|i| !not(&books.sent, i) && not(&books.taken, i))
                .cloned()
                .collect(),
            unsent: all
                .iter()
                .filter(|i| not(&books.sent, i))
                .cloned()
                .collect(),
            stalled,
        }
    }
}

/// The end of a run.
#[derive(Debug)]
pub struct Report {
    /// How many times each finished item was finished.
    pub done: BTreeMap<String, u32>,
    /// Lost: held by a consumer that failed.
    pub held: Vec<String>,
    /// Lost: sent, but never taken from the queue.
    pub queued: Vec<String>,
    /// Lost: never sent, because the queue stayed full.
    pub unsent: Vec<String>,
    /// Whether the producers were still waiting when `main` gave up.
    pub stalled: bool,
}

impl Report {
    /// Every item finished exactly once, and nothing left anywhere.
    pub fn exactly_once(&self) -> bool {
        let once = self.done.values().all(|&times| times == 1);
        once && self.done.len() == all_items().len() && !self.stalled
    }

    /// The lines `main` prints at the end.
    pub fn lines(&self) -> Vec<String> {
        let all = all_items().len();
        let each = if self.exactly_once() {
            ", each once"
        } else {
            ""
        };
        let mut lines =
            vec![format!("finished {} of {all} items{each}", self.done.len())];
        for (list, why) in [
            (&self.held, "held by a consumer that failed"),
            (&self.queued, "left in the queue"),
            (&self.unsent, "never sent"),
        ] {
            if !list.is_empty() {
                lines.push(format!("lost, {why}: {}", list.join(" ")));
            }
        }
        let twice: Vec<&String> = (self.done.iter())
            .filter(|(_, times)| **times > 1)
            .map(|(item, _)| item)
            .collect();
        if !twice.is_empty() {
            lines.push(format!("finished more than once: {twice:?}"));
        }
        lines
    }
}

type Queue = Arc<Mutex<mpsc::Receiver<String>>>;

/// Starts the producers; returns them and the queue's receiving end.
fn start_producers(ledger: &Arc<Ledger>) -> (JoinSet<()>, Queue) {
    let (tx, rx) = mpsc::channel(CAPACITY);
    let mut producers = JoinSet::new();
    for (i, name) in PRODUCERS.into_iter().enumerate() {
        let (tx, ledger) = (tx.clone(), Arc::clone(ledger));
        let pace = Duration::from_millis(10 + 5 * i as u64);
        producers.spawn(async move {
            for n in 1..=ITEMS_EACH {
                sleep(pace).await;
                let item = format!("{name}{n}");
                tx.send(item.clone()).await.expect("the queue is open");
                ledger.sent(&item);
            }
        });
    }
    (producers, Arc::new(Mutex::new(rx)))
}

// ANCHOR: consumer
/// Takes items until the queue is closed and empty, starting with `first`
/// if it is given one. It panics on an item with the chance `FAILURE`,
/// after its work and before it records the item as finished.
async fn consumer(
    number: u32,
    first: Option<String>,
    queue: Queue,
    ledger: Arc<Ledger>,
    seed: u64,
) {
    let mut rng =
        Xoshiro256PlusPlus::seed_from_u64(seed ^ (u64::from(number) << 32));
    let mut next = first;
    loop {
        let item = match next.take() {
            Some(item) => item,
            None => match queue.lock().await.recv().await {
                Some(item) => item,
                None => return, // closed and empty: the work is done
            },
        };
        ledger.took(number, &item);
        sleep(Duration::from_millis(rng.random_range(20..=60))).await;
        if rng.random_bool(FAILURE) {
            panic!("consumer {number} crashed on {item}");
        }
        ledger.finished(number);
        println!("consumer {number}: {item} done");
    }
}
// ANCHOR_END: consumer

/// What a failed consumer's `JoinError` says: its panic's message.
fn failure(error: JoinError) -> String {
    match error.try_into_panic() {
        Ok(payload) => match payload.downcast::<String>() {
            Ok(message) => *message,
            Err(_) => "a panic".to_string(),
        },
        Err(error) => error.to_string(),
    }
}

/// Waits for the producers, but not for ever: once no consumer is left,
/// they may wait on a full queue that nobody empties.
async fn finish(producers: JoinSet<()>, ledger: &Ledger) -> Report {
    let stalled = timeout(STALL, producers.join_all()).await.is_err();
    if stalled {
        println!("main: the producers still wait after {STALL:?}; gives up");
    }
    ledger.report(stalled)
}

// ANCHOR: unsupervised
pub async fn unsupervised(seed: u64) -> Report {
    let ledger = Arc::new(Ledger::default());
    let (producers, queue) = start_producers(&ledger);
    let mut consumers = JoinSet::new();
    for number in 1..=CONSUMERS {
        let (queue, ledger) = (Arc::clone(&queue), Arc::clone(&ledger));
        consumers.spawn(consumer(number, None, queue, ledger, seed));
    }
    while let Some(ended) = consumers.join_next().await {
        if let Err(error) = ended {
            println!("main: a consumer failed: {}", failure(error));
        }
    }
    finish(producers, &ledger).await
}
// ANCHOR_END: unsupervised

// ANCHOR: supervised
pub async fn supervised(seed: u64) -> Report {
    let ledger = Arc::new(Ledger::default());
    let (producers, queue) = start_producers(&ledger);
    let mut consumers = JoinSet::new();
    let mut numbers = HashMap::new(); // each running task's consumer number
    let start = |number, first, consumers: &mut JoinSet<()>| {
        let (queue, ledger) = (Arc::clone(&queue), Arc::clone(&ledger));
        let task = consumers.spawn(consumer(number, first, queue, ledger, seed));
        task.id()
    };
    for number in 1..=CONSUMERS {
        numbers.insert(start(number, None, &mut consumers), number);
    }
    let mut next = CONSUMERS + 1;
    while let Some(ended) = consumers.join_next_with_id().await {
        let error = match ended {
            Ok((id, ())) => {
                numbers.remove(&id); // it saw the queue closed and empty
                continue;
            }
            Err(error) => error,
        };
        let number = numbers.remove(&error.id()).expect("one of ours");
        let held = ledger.held_by(number);
        let what = held.as_deref().unwrap_or("nothing");
        let why = failure(error);
        println!("supervisor: {why}; consumer {next} starts with {what}");
        numbers.insert(start(next, held, &mut consumers), next);
        next += 1;
    }
    println!("supervisor: the queue is closed and empty, no consumer is left");
    finish(producers, &ledger).await
}
// ANCHOR_END: supervised
