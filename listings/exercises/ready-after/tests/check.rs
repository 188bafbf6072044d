//! The exercise's tests. On the starter code each of them fails; on a
//! working answer each of them passes.

use std::pin::pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicU32, Ordering};
use std::task::{Context, Poll, Wake, Waker};

use ready_after::ReadyAfter;

/// Polls `future` with a no-op waker until it is ready, at most `limit`
/// times. Returns how many polls that took, or `None` if it never was.
fn polls_until_ready(future: impl Future, limit: u32) -> Option<u32> {
    let mut future = pin!(future);
    let mut cx = Context::from_waker(Waker::noop());
    (1..=limit).find(|_| future.as_mut().poll(&mut cx).is_ready())
}

/// A waker that counts the times it is called.
#[derive(Default)]
struct CountingWaker(AtomicU32);

impl Wake for CountingWaker {
    fn wake(self: Arc<Self>) {
        self.wake_by_ref();
    }
    fn wake_by_ref(self: &Arc<Self>) {
        self.0.fetch_add(1, Ordering::SeqCst);
    }
}

#[test]
#[cfg_attr(not(feature = "solution"), ignore = "run with --include-ignored")]
fn pending_for_n_polls_then_ready() {
    let mut future = pin!(ReadyAfter::new(3));
    let mut cx = Context::from_waker(Waker::noop());
    for poll in 1..=3 {
        let result = future.as_mut().poll(&mut cx);
        assert_eq!(result, Poll::Pending, "poll {poll}");
    }
    assert_eq!(future.as_mut().poll(&mut cx), Poll::Ready(()), "poll 4");
}

#[test]
#[cfg_attr(not(feature = "solution"), ignore = "run with --include-ignored")]
fn zero_means_ready_at_the_first_poll() {
    assert_eq!(polls_until_ready(ReadyAfter::new(0), 10), Some(1));
}

#[test]
#[cfg_attr(not(feature = "solution"), ignore = "run with --include-ignored")]
fn every_pending_asks_for_another_poll() {
    let counter = Arc::new(CountingWaker::default());
    let waker = Waker::from(Arc::clone(&counter));
    let mut cx = Context::from_waker(&waker);
    let mut future = pin!(ReadyAfter::new(4));
    let mut pendings = 0;
    while future.as_mut().poll(&mut cx).is_pending() {
        pendings += 1;
        assert!(pendings <= 4, "still pending after 5 polls");
        let wakes = counter.0.load(Ordering::SeqCst);
        assert_eq!(wakes, pendings, "wake-ups after {pendings} Pending");
    }
    assert_eq!(pendings, 4);
}

#[test]
#[cfg_attr(not(feature = "solution"), ignore = "run with --include-ignored")]
fn an_async_fn_awaits_two_in_turn() {
    async fn two_waits() {
        ReadyAfter::new(2).await;
        ReadyAfter::new(3).await;
    }
    // 2 Pending, then 3 more, then Ready: the second wait begins in the poll
    // where the first one ends.
    assert_eq!(polls_until_ready(two_waits(), 100), Some(6));
}
