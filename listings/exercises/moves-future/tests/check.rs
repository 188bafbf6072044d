//! The exercise's tests. On the starter code each of them fails; on a
//! working answer each of them passes.
//!
//! Every test uses seed 3, whose keys the book shows in Listing 2-2's run:
//! ⇑ in period 0, ⟹ in period 4, ⇑ in 7, ⟸ in 8 and ⟸ again in 10. Each
//! poll of a `NextMove` reads the next period, so the tests never wait for
//! the clock.

use std::pin::pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicU32, Ordering};
use std::task::{Context, Poll, Wake, Waker};
use std::time::Duration;

use moves_future::{Moves, collect_moves};
use user_input::UserInput;

fn seed_3() -> Moves {
    Moves::new(UserInput::new(Duration::from_secs(1), Some(3)))
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
fn a_key_makes_the_future_ready_with_its_move() {
    let mut moves = seed_3();
    let mut future = pin!(moves.next_move());
    let mut cx = Context::from_waker(Waker::noop());
    assert_eq!(future.as_mut().poll(&mut cx), Poll::Ready("up"));
}

#[test]
#[cfg_attr(not(feature = "solution"), ignore = "run with --include-ignored")]
fn no_key_means_pending_and_a_wake_up() {
    let mut moves = seed_3();
    let counter = Arc::new(CountingWaker::default());
    let waker = Waker::from(Arc::clone(&counter));
    let mut cx = Context::from_waker(&waker);
    let first = pin!(moves.next_move()).poll(&mut cx);
    assert_eq!(first, Poll::Ready("up"), "period 0");
    // Periods 1 to 3 have no key, period 4 has ⟹.
    let mut second = pin!(moves.next_move());
    for period in 1..=3 {
        let poll = second.as_mut().poll(&mut cx);
        assert_eq!(poll, Poll::Pending, "period {period}");
        assert_eq!(counter.0.load(Ordering::SeqCst), period, "wake-ups");
    }
    assert_eq!(
        second.as_mut().poll(&mut cx),
        Poll::Ready("right"),
        "period 4"
    );
    assert_eq!(counter.0.load(Ordering::SeqCst), 3, "no wake-up with Ready");
}

#[test]
#[cfg_attr(not(feature = "solution"), ignore = "run with --include-ignored")]
fn five_moves_in_seven_polls() {
    let mut moves = seed_3();
    let mut future = pin!(collect_moves(&mut moves, 5));
    let mut cx = Context::from_waker(Waker::noop());
    for poll in 1..=20 {
        if let Poll::Ready(steps) = future.as_mut().poll(&mut cx) {
            assert_eq!(steps, ["up", "right", "up", "left", "left"]);
            // Eleven periods, 0 to 10, but fewer polls: a poll that ends
            // one move starts the next, which reads the next period at once.
            assert_eq!(poll, 7, "polls");
            return;
        }
    }
    panic!("five moves were not ready after 20 polls");
}
