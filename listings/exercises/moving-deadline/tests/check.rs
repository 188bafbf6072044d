//! The exercise's tests. On the starter code each of them fails; on a
//! working answer each of them passes. They run on tokio's paused clock:
//! `sleep` takes no real time, and the clock jumps to the next timer
//! whenever every task waits, so the times they check are exact.

use std::time::Duration;

use tokio::sync::mpsc;
use tokio::time::{Instant, sleep_until, timeout};

use moving_deadline::{IDLE, collect_until_idle};

/// Longer than any test needs: an answer that never returns fails, on the
/// paused clock, instead of hanging.
const LIMIT: Duration = Duration::from_secs(60);

/// A channel whose sender, in a task of its own, sends the item `n + 1` at
/// `times[n]` milliseconds after the start, and is dropped only `LIMIT`
/// after the last, so that the collection ends by its deadline, not by the
/// channel's end.
fn send_at(times: &[u64]) -> mpsc::Receiver<u32> {
    let last = times.last().copied().unwrap_or(0);
    send_then_close(times, last + LIMIT.as_millis() as u64)
}

/// Like `send_at`, but the sender is dropped `close` milliseconds after the
/// start, once its items are sent: the channel's end may come first.
fn send_then_close(times: &[u64], close: u64) -> mpsc::Receiver<u32> {
    let start = Instant::now();
    let times = times.to_vec();
    let (sender, items) = mpsc::channel(16);
    tokio::spawn(async move {
        for (item, millis) in (1..).zip(times) {
            sleep_until(start + Duration::from_millis(millis)).await;
            // An error here means that the collection has ended.
            let _ = sender.send(item).await;
        }
        sleep_until(start + Duration::from_millis(close)).await;
    });
    items
}

#[tokio::test(start_paused = true)]
#[cfg_attr(not(feature = "solution"), ignore = "run with --include-ignored")]
async fn every_item_of_a_burst_and_no_later_one() {
    // Each gap is shorter than `IDLE` but the last one, 110 ms.
    let items = send_at(&[0, 30, 60, 90, 200]);
    let collected = timeout(LIMIT, collect_until_idle(items))
        .await
        .expect("collect_until_idle returns");
    assert_eq!(collected, [1, 2, 3, 4]);
}

#[tokio::test(start_paused = true)]
#[cfg_attr(not(feature = "solution"), ignore = "run with --include-ignored")]
async fn returns_idle_after_the_last_item_or_the_start() {
    // No item at all: the deadline is `IDLE` after the start.
    let start = Instant::now();
    let collected = timeout(LIMIT, collect_until_idle(send_at(&[])))
        .await
        .expect("collect_until_idle returns");
    assert!(collected.is_empty(), "collected {collected:?}");
    assert_eq!(start.elapsed(), IDLE, "returned at the wrong time");

    let start = Instant::now();
    let items = send_at(&[0, 40, 80]);
    let collected = timeout(LIMIT, collect_until_idle(items))
        .await
        .expect("collect_until_idle returns");
    assert_eq!(collected, [1, 2, 3]);
    let last = Duration::from_millis(80);
    assert_eq!(start.elapsed(), last + IDLE, "returned at the wrong time");
}

#[tokio::test(start_paused = true)]
#[cfg_attr(not(feature = "solution"), ignore = "run with --include-ignored")]
async fn does_not_return_while_items_keep_coming() {
    let start = Instant::now();
    let (sender, items) = mpsc::channel(16);
    let collection = tokio::spawn(collect_until_idle(items));
    for item in 1..=20 {
        // Every 40 ms, for 800 ms: far longer than `IDLE`, but the gaps
        // are all shorter.
        sleep_until(start + Duration::from_millis(40) * (item - 1)).await;
        assert!(
            !collection.is_finished(),
            "returned before item {item} came, at {:?}",
            start.elapsed()
        );
        let _ = sender.send(item).await;
    }
    let collected = timeout(LIMIT, collection)
        .await
        .expect("collect_until_idle returns")
        .expect("collect_until_idle does not panic");
    assert_eq!(collected, (1..=20).collect::<Vec<_>>());
    drop(sender);
}

#[tokio::test(start_paused = true)]
#[cfg_attr(not(feature = "solution"), ignore = "run with --include-ignored")]
async fn returns_at_once_when_every_sender_is_dropped() {
    let start = Instant::now();
    // The last item comes at 80 ms and the sender is dropped at 100 ms,
    // before the deadline.
    let items = send_then_close(&[0, 40, 80], 100);
    let collected = timeout(LIMIT, collect_until_idle(items))
        .await
        .expect("collect_until_idle returns");
    assert_eq!(collected, [1, 2, 3]);
    let closed = Duration::from_millis(100);
    assert_eq!(
        start.elapsed(),
        closed,
        "did not return when the channel closed"
    );
}
