//! The exercise's tests. On the starter code each of them fails; on a
//! working answer each of them passes.
//!
//! Every test uses seed 3, whose keys the book shows in the run of
//! `waker-executor`, counting periods from 1: ⇑ in period 1, ⟹ in period 5,
//! ⇑ in 8 and ⟸ in 9; period 11 brings ⟸ again. The keyboard keeps the real
//! time, so reading periods 1 to 11 takes ten periods.

// The executor of `ready-after`'s tests, which the exercises whose answer is
// a future share.
#[path = "../../ready-after/tests/executor/mod.rs"]
mod executor;

use std::panic::{self, RefUnwindSafe};
use std::pin::pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicU32, Ordering};
use std::task::{Context, Poll, Wake, Waker};
use std::thread;
use std::time::{Duration, Instant};

use moves_future::{Moves, collect_moves};
use user_input::UserInput;

const PERIOD: Duration = Duration::from_millis(100);

fn seed_3() -> Moves {
    Moves::new(UserInput::new(PERIOD, Some(3)))
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

/// Runs `test` up to three times, until it passes. On a busy machine, a read
/// that comes most of a period late finds the next period, and the key it
/// was meant to see is lost (the keyboard warns about it): that should not
/// fail a right answer. A wrong answer fails all three tries.
fn up_to_three_tries(test: impl Fn() + RefUnwindSafe) {
    for _ in 1..3 {
        if panic::catch_unwind(&test).is_ok() {
            return;
        }
        eprintln!("trying again");
    }
    test();
}

#[test]
#[cfg_attr(not(feature = "solution"), ignore = "run with --include-ignored")]
fn a_key_makes_the_future_ready_with_its_move() {
    let mut moves = seed_3();
    let mut future = pin!(moves.next_move());
    let mut cx = Context::from_waker(Waker::noop());
    assert_eq!(future.as_mut().poll(&mut cx), Poll::Ready("up"), "period 1");
}

#[test]
#[cfg_attr(not(feature = "solution"), ignore = "run with --include-ignored")]
fn no_key_means_pending_and_one_wake_up_when_the_next_read_is_due() {
    up_to_three_tries(|| {
        let mut moves = seed_3();
        let counter = Arc::new(CountingWaker::default());
        let waker = Waker::from(Arc::clone(&counter));
        let mut cx = Context::from_waker(&waker);
        let wakes = || counter.0.load(Ordering::SeqCst);
        let first = pin!(moves.next_move()).poll(&mut cx);
        assert_eq!(first, Poll::Ready("up"), "period 1");
        // Period 1 has been read, so the next move's first poll is too early
        // to read again: it must wait for period 2. Periods 2 to 4 have no key.
        let mut second = pin!(moves.next_move());
        for (poll, when) in (1..).zip(["in period 1", "period 2", "3", "4"]) {
            let asked = Instant::now();
            assert_eq!(second.as_mut().poll(&mut cx), Poll::Pending, "{when}");
            assert_eq!(wakes(), poll - 1, "{when}: woken at once, without waiting");
            while wakes() < poll {
                let waited = asked.elapsed();
                assert!(waited < PERIOD * 40, "{when}: no wake-up after {waited:?}");
                thread::sleep(Duration::from_millis(1));
            }
            let waited = asked.elapsed();
            assert!(waited >= PERIOD / 2, "{when}: woken after {waited:?}");
        }
        let poll = second.as_mut().poll(&mut cx);
        assert_eq!(poll, Poll::Ready("right"), "period 5");
        assert_eq!(wakes(), 4, "wake-ups");
    });
}

#[test]
#[cfg_attr(not(feature = "solution"), ignore = "run with --include-ignored")]
fn five_moves_take_ten_periods_and_one_poll_per_read() {
    up_to_three_tries(|| {
        let mut moves = seed_3();
        let future = collect_moves(&mut moves, 5);
        // Fails the test if the moves are not done in 30 periods.
        let (steps, run) = executor::block_on(future, PERIOD * 30);
        assert_eq!(steps, ["up", "right", "up", "left", "left"]);
        // Eleven reads, one at the start of each period: ten periods between
        // the first and the last, and a poll for each read.
        assert!(run.wall >= PERIOD * 10, "five moves in {:?}", run.wall);
        assert!((11..=15).contains(&run.polls), "{} polls", run.polls);
        run.assert_slept();
    });
}
