//! The exercise's tests. On the starter code each of them fails; on a
//! working answer each of them passes.

mod executor;

use std::future::poll_fn;
use std::pin::pin;
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Arc, mpsc};
use std::task::{Context, Poll, Wake, Waker};
use std::thread;
use std::time::Duration;

use ready_after::ready_after;

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

impl CountingWaker {
    fn new() -> (Arc<Self>, Waker) {
        let counter = Arc::new(CountingWaker::default());
        (Arc::clone(&counter), Waker::from(counter))
    }

    fn wakes(&self) -> u32 {
        self.0.load(Ordering::SeqCst)
    }
}

#[test]
#[cfg_attr(not(feature = "solution"), ignore = "run with --include-ignored")]
fn ready_after_the_last_tick_and_not_before() {
    let (ticker, future) = ready_after(3);
    let mut future = pin!(future);
    let mut cx = Context::from_waker(Waker::noop());
    for tick in 1..=3 {
        let poll = future.as_mut().poll(&mut cx);
        assert_eq!(poll, Poll::Pending, "before tick {tick}");
        ticker.tick();
    }
    assert_eq!(
        future.as_mut().poll(&mut cx),
        Poll::Ready(()),
        "after tick 3"
    );
}

#[test]
#[cfg_attr(not(feature = "solution"), ignore = "run with --include-ignored")]
fn ticks_before_the_first_poll_count_too() {
    let (ticker, future) = ready_after(2);
    ticker.tick();
    ticker.tick();
    let mut cx = Context::from_waker(Waker::noop());
    assert_eq!(pin!(future).poll(&mut cx), Poll::Ready(()));
    let (_, future) = ready_after(0);
    assert_eq!(pin!(future).poll(&mut cx), Poll::Ready(()), "zero ticks");
}

#[test]
#[cfg_attr(not(feature = "solution"), ignore = "run with --include-ignored")]
fn the_last_tick_wakes_the_task_and_no_other_does() {
    let (ticker, future) = ready_after(3);
    let mut future = pin!(future);
    let (counter, waker) = CountingWaker::new();
    let mut cx = Context::from_waker(&waker);
    assert_eq!(future.as_mut().poll(&mut cx), Poll::Pending);
    assert_eq!(counter.wakes(), 0, "a Pending that wakes its own task");
    ticker.tick();
    ticker.tick();
    assert_eq!(counter.wakes(), 0, "woken before the last tick");
    ticker.tick();
    assert_eq!(counter.wakes(), 1, "wake-ups after the last tick");
    ticker.tick();
    assert_eq!(counter.wakes(), 1, "woken again after the end");
    assert_eq!(future.as_mut().poll(&mut cx), Poll::Ready(()));
}

#[test]
#[cfg_attr(not(feature = "solution"), ignore = "run with --include-ignored")]
fn the_waker_of_the_latest_poll_is_the_one_woken() {
    let (ticker, future) = ready_after(1);
    let mut future = pin!(future);
    let (first, first_waker) = CountingWaker::new();
    let (latest, latest_waker) = CountingWaker::new();
    let poll = future.as_mut().poll(&mut Context::from_waker(&first_waker));
    assert_eq!(poll, Poll::Pending);
    let poll = future
        .as_mut()
        .poll(&mut Context::from_waker(&latest_waker));
    assert_eq!(poll, Poll::Pending);
    ticker.tick();
    assert_eq!((first.wakes(), latest.wakes()), (0, 1), "(first, latest)");
}

#[test]
#[cfg_attr(not(feature = "solution"), ignore = "run with --include-ignored")]
fn a_real_executor_sleeps_until_the_last_tick() {
    const TICK: Duration = Duration::from_millis(20);
    let (ticker, future) = ready_after(5);
    // The ticks begin once the first poll is over, so that every one of them
    // comes while the future waits, however late the executor starts.
    let (polled, first_poll) = mpsc::channel();
    let ticking = thread::spawn(move || {
        first_poll.recv().unwrap();
        for _ in 0..5 {
            thread::sleep(TICK);
            ticker.tick();
        }
    });
    let mut future = pin!(future);
    let future = poll_fn(move |cx| {
        let poll = future.as_mut().poll(cx);
        let _ = polled.send(());
        poll
    });
    let ((), run) = executor::block_on(future, Duration::from_secs(5));
    ticking.join().unwrap();
    // One poll to start, and one more when the last tick woke the task.
    assert_eq!(run.polls, 2, "polls");
    assert!(run.wall >= TICK * 5, "ready after {:?}", run.wall);
    run.assert_slept();
}
