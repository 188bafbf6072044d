//! The exercise's tests. On the starter code each of them fails; on a
//! working answer each of them passes. They run on tokio's paused clock:
//! `sleep` takes no real time, and the clock jumps to the next timer
//! whenever every task waits, so the times they check are exact.

use std::collections::BTreeSet;
use std::time::Duration;

use tokio::sync::mpsc;
use tokio::time::{Instant, sleep, timeout};

use two_consumers::{WORK, share};

/// Longer than any test needs: an answer that never returns fails, on the
/// paused clock, instead of hanging.
const LIMIT: Duration = Duration::from_secs(60);

/// A channel that already holds the items `1..=count`, with its sender
/// dropped: `share` may take them all and return.
fn items(count: u32) -> mpsc::Receiver<u32> {
    let (sender, items) = mpsc::channel(16);
    for item in 1..=count {
        sender.try_send(item).expect("room for every item");
    }
    items
}

/// The items taken, sorted, whoever took them.
fn sorted_items(taken: &[(usize, u32)]) -> Vec<u32> {
    let mut items: Vec<u32> = taken.iter().map(|&(_, item)| item).collect();
    items.sort();
    items
}

#[tokio::test(start_paused = true)]
#[cfg_attr(not(feature = "solution"), ignore = "run with --include-ignored")]
async fn every_item_is_taken_exactly_once() {
    let taken = timeout(LIMIT, share(items(10))).await.expect("returns");
    let all: Vec<u32> = (1..=10).collect();
    assert_eq!(sorted_items(&taken), all, "taken: {taken:?}");
    for (consumer, item) in taken {
        assert!([1, 2].contains(&consumer), "{item} taken by {consumer}");
    }
}

#[tokio::test(start_paused = true)]
#[cfg_attr(not(feature = "solution"), ignore = "run with --include-ignored")]
async fn both_consumers_work_at_the_same_time() {
    let start = Instant::now();
    let taken = timeout(LIMIT, share(items(10))).await.expect("returns");
    let consumers: BTreeSet<usize> =
        taken.iter().map(|&(consumer, _)| consumer).collect();
    assert_eq!(consumers, BTreeSet::from([1, 2]), "taken: {taken:?}");
    // Ten items of `WORK` each, two at a time: five rounds.
    assert_eq!(start.elapsed(), 5 * WORK, "taken: {taken:?}");
}

#[tokio::test(start_paused = true)]
#[cfg_attr(not(feature = "solution"), ignore = "run with --include-ignored")]
async fn share_returns_once_every_sender_is_dropped() {
    let start = Instant::now();
    let (sender, items) = mpsc::channel(16);
    let consumers = tokio::spawn(share(items));
    for item in 1..=3 {
        // An error here means that `share` has dropped the receiver.
        let _ = sender.send(item).await;
        sleep(Duration::from_millis(100)).await;
    }
    assert!(
        !consumers.is_finished(),
        "share returned while a sender could still send"
    );
    drop(sender);
    let taken = timeout(LIMIT, consumers)
        .await
        .expect("share returns once every sender is dropped")
        .expect("share does not panic");
    assert_eq!(start.elapsed(), Duration::from_millis(300), "returned late");
    assert_eq!(sorted_items(&taken), [1, 2, 3], "taken: {taken:?}");
}
