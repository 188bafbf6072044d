//! The exercise's tests. On the starter code each of them fails; on a
//! working answer each of them passes.

use std::cell::Cell;
use std::future;
use std::pin::{Pin, pin};
use std::rc::Rc;
use std::task::{Context, Poll, Waker};

use join_two::join;

/// Polls `future` with a no-op waker until it is ready, at most `limit`
/// times. Returns the output and the number of polls, or `None`.
fn run<F: Future>(future: F, limit: u32) -> Option<(F::Output, u32)> {
    let mut future = pin!(future);
    let mut cx = Context::from_waker(Waker::noop());
    (1..=limit).find_map(|poll| match future.as_mut().poll(&mut cx) {
        Poll::Ready(output) => Some((output, poll)),
        Poll::Pending => None,
    })
}

/// A leaf that is `Pending` `n` times, then `Ready(n)`, and counts its
/// polls in a cell the test can read.
struct Countdown {
    n: u32,
    polls: Rc<Cell<u32>>,
}

impl Future for Countdown {
    type Output = u32;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<u32> {
        let polls = self.polls.get() + 1;
        self.polls.set(polls);
        if polls > self.n {
            return Poll::Ready(self.n);
        }
        cx.waker().wake_by_ref();
        Poll::Pending
    }
}

fn countdown(n: u32) -> (Countdown, Rc<Cell<u32>>) {
    let polls = Rc::new(Cell::new(0));
    let polls_seen = Rc::clone(&polls);
    (Countdown { n, polls }, polls_seen)
}

#[test]
#[cfg_attr(not(feature = "solution"), ignore = "run with --include-ignored")]
fn two_ready_futures_give_both_outputs_at_once() {
    let both = join(future::ready(1), future::ready("two"));
    assert_eq!(run(both, 10), Some(((1, "two"), 1)));
}

#[test]
#[cfg_attr(not(feature = "solution"), ignore = "run with --include-ignored")]
fn every_poll_moves_both_futures_on() {
    let (slow, slow_polls) = countdown(5);
    let (quick, quick_polls) = countdown(2);
    let mut both = pin!(join(slow, quick));
    let mut cx = Context::from_waker(Waker::noop());
    for poll in 1..=2 {
        assert_eq!(both.as_mut().poll(&mut cx), Poll::Pending, "poll {poll}");
        assert_eq!(slow_polls.get(), poll, "polls of the slow future");
        assert_eq!(quick_polls.get(), poll, "polls of the quick future");
    }
}

#[test]
#[cfg_attr(not(feature = "solution"), ignore = "run with --include-ignored")]
fn the_join_takes_as_long_as_the_slower_future() {
    let (slow, _) = countdown(5);
    let (quick, _) = countdown(2);
    assert_eq!(run(join(slow, quick), 100), Some(((5, 2), 6)));
}

#[test]
#[cfg_attr(not(feature = "solution"), ignore = "run with --include-ignored")]
fn a_finished_future_is_not_polled_again() {
    // An `async` block panics if it is polled after it is done.
    let quick = pin!(async { "quick" });
    let (slow, slow_polls) = countdown(3);
    assert_eq!(run(join(quick, slow), 100), Some((("quick", 3), 4)));
    assert_eq!(slow_polls.get(), 4);

    let (quick, quick_polls) = countdown(1);
    let slow = pin!(async {
        let (inner, _) = countdown(4);
        inner.await
    });
    assert_eq!(run(join(quick, slow), 100), Some(((1, 4), 5)));
    assert_eq!(quick_polls.get(), 2, "polled again after Ready");
}
