//! The exercise's tests. On the starter code each of them fails; on a
//! working answer each of them passes.

// The executor of `ready-after`'s tests, which the exercises whose answer is
// a future share.
#[path = "../../ready-after/tests/executor/mod.rs"]
mod executor;

use std::cell::Cell;
use std::future;
use std::pin::{Pin, pin};
use std::rc::Rc;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::task::{Context, Poll, Waker};
use std::thread;
use std::time::Duration;

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

/// A leaf that is ready with its `duration` once that much time has passed
/// since its first poll. A thread of its own sleeps, then wakes the task
/// of that first poll: the leaf never wakes itself.
struct Timer {
    duration: Duration,
    done: Arc<AtomicBool>,
    started: bool,
}

fn timer(millis: u64) -> Timer {
    Timer {
        duration: Duration::from_millis(millis),
        done: Arc::default(),
        started: false,
    }
}

impl Future for Timer {
    type Output = Duration;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Duration> {
        if self.done.load(Ordering::SeqCst) {
            return Poll::Ready(self.duration);
        }
        if !self.started {
            self.started = true;
            let (done, duration) = (Arc::clone(&self.done), self.duration);
            let waker = cx.waker().clone();
            thread::spawn(move || {
                thread::sleep(duration);
                done.store(true, Ordering::SeqCst);
                waker.wake();
            });
        }
        Poll::Pending
    }
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

#[test]
#[cfg_attr(not(feature = "solution"), ignore = "run with --include-ignored")]
fn a_real_executor_sleeps_until_each_timer_wakes_the_join() {
    let both = join(timer(30), timer(60));
    let (outputs, run) = executor::block_on(both, Duration::from_secs(5));
    let expected = (Duration::from_millis(30), Duration::from_millis(60));
    assert_eq!(outputs, expected);
    assert!(run.wall >= expected.1, "ready after {:?}", run.wall);
    // One poll to start, and one for each timer's wake-up (the two may
    // come together), never one without a wake-up.
    assert!((2..=3).contains(&run.polls), "{} polls", run.polls);
    run.assert_slept();
}
