//! The tests of `with_retries`: one on the real clock, the others on
//! tokio's paused clock.

use std::cell::Cell;
use std::future::{pending, poll_fn};
use std::pin::{Pin, pin};
use std::task::Poll;
use std::time::Duration;

use retry::{GaveUp, Patience, with_retries};
use tokio::time::{self, Instant, sleep};

// ANCHOR: patience
/// Three tries of 8 seconds, with 3 seconds between them: 30 seconds in
/// all before giving up.
const PATIENCE: Patience = Patience {
    tries: 3,
    per_try: Duration::from_secs(8),
    pause: Duration::from_secs(3),
};
// ANCHOR_END: patience

// ANCHOR: quick
#[tokio::test]
async fn a_quick_answer_is_returned() {
    let answer = with_retries(PATIENCE, || async { "pong" }).await;
    assert_eq!(answer, Ok("pong"));
}
// ANCHOR_END: quick

// ANCHOR: gives-up
#[tokio::test(start_paused = true)]
async fn gives_up_after_30_seconds() {
    let start = Instant::now();
    let answer = with_retries(PATIENCE, pending::<&str>).await;
    assert_eq!(answer, Err(GaveUp { tries: 3 }));
    assert_eq!(start.elapsed(), Duration::from_secs(30));
}
// ANCHOR_END: gives-up

// ANCHOR: slow-first
#[tokio::test(start_paused = true)]
async fn a_slow_first_try_is_made_again() {
    let start = Instant::now();
    let calls = Cell::new(0);
    let answer = with_retries(PATIENCE, || {
        calls.set(calls.get() + 1);
        let delay = if calls.get() == 1 { 20 } else { 1 };
        async move {
            sleep(Duration::from_secs(delay)).await;
            "pong"
        }
    })
    .await;
    assert_eq!(answer, Ok("pong"));
    assert_eq!(calls.get(), 2);
    assert_eq!(start.elapsed(), Duration::from_secs(8 + 3 + 1));
}
// ANCHOR_END: slow-first

// ANCHOR: advance
/// Polls `future` once, from the test's own task.
async fn poll_once<F: Future>(future: &mut Pin<&mut F>) -> Poll<F::Output> {
    poll_fn(|cx| Poll::Ready(future.as_mut().poll(cx))).await
}

#[tokio::test(start_paused = true)]
async fn advance_moves_the_clock_by_hand() {
    let calls = Cell::new(0);
    let mut retrying = pin!(with_retries(PATIENCE, || {
        calls.set(calls.get() + 1);
        pending::<&str>()
    }));
    assert!(poll_once(&mut retrying).await.is_pending());
    assert_eq!(calls.get(), 1);
    time::advance(Duration::from_secs(7)).await;
    assert!(poll_once(&mut retrying).await.is_pending());
    assert_eq!(calls.get(), 1, "7 s: the first try still runs");
    time::advance(Duration::from_secs(1)).await;
    assert!(poll_once(&mut retrying).await.is_pending());
    assert_eq!(calls.get(), 1, "8 s: the first try timed out; the pause");
    time::advance(Duration::from_secs(3)).await;
    assert!(poll_once(&mut retrying).await.is_pending());
    assert_eq!(calls.get(), 2, "11 s: the second try");
}
// ANCHOR_END: advance

// ANCHOR: one-step
#[tokio::test(start_paused = true)]
async fn one_big_step_starts_the_pause_late() {
    let calls = Cell::new(0);
    let mut retrying = pin!(with_retries(PATIENCE, || {
        calls.set(calls.get() + 1);
        pending::<&str>()
    }));
    assert!(poll_once(&mut retrying).await.is_pending());
    time::advance(Duration::from_secs(11)).await;
    assert!(poll_once(&mut retrying).await.is_pending());
    assert_eq!(calls.get(), 1, "11 s: the pause starts only now");
    time::advance(Duration::from_secs(3)).await;
    assert!(poll_once(&mut retrying).await.is_pending());
    assert_eq!(calls.get(), 2, "14 s: the second try");
}
// ANCHOR_END: one-step
