//! A virtual clock: time is counted in ticks, and moves on only when the
//! executor has nothing left to run. Timers that are due at the same tick
//! fire in the order they were set, so a run does not depend on how late
//! the thread wakes.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll, Waker};

// ANCHOR: clock
/// A handle to the clock. The executor and its tasks share it, on one
/// thread, so an `Rc` is enough.
#[derive(Clone, Default)]
pub struct Clock(Rc<RefCell<Timers>>);

#[derive(Default)]
struct Timers {
    now: u64,
    /// The wakers to call, by (tick, the order in which they were set).
    due: BTreeMap<(u64, u64), Waker>,
    set: u64,
}

impl Clock {
    /// The current tick.
    pub fn now(&self) -> u64 {
        self.0.borrow().now
    }

    /// A future that is ready `ticks` ticks from now.
    pub fn sleep(&self, ticks: u64) -> Sleep {
        Sleep {
            until: self.now() + ticks,
            clock: self.clone(),
        }
    }

    /// The tick of the earliest timer, if one is set.
    pub fn next_due(&self) -> Option<u64> {
        let timers = self.0.borrow();
        timers.due.first_key_value().map(|(&(tick, _), _)| tick)
    }

    /// Moves to `tick` and calls the waker of every timer due by then.
    pub fn advance_to(&self, tick: u64) {
        let mut woken = Vec::new();
        {
            let mut timers = self.0.borrow_mut();
            timers.now = tick;
            while let Some(entry) = timers.due.first_entry() {
                if entry.key().0 > tick {
                    break;
                }
                woken.push(entry.remove());
            }
        } // the borrow ends before any waker runs
        woken.into_iter().for_each(Waker::wake);
    }
}

/// The leaf future of the clock: `Pending` until its tick, when the clock
/// calls the waker it left.
pub struct Sleep {
    until: u64,
    clock: Clock,
}

impl Future for Sleep {
    type Output = ();

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        let mut timers = self.clock.0.borrow_mut();
        if timers.now >= self.until {
            return Poll::Ready(());
        }
        let order = timers.set;
        timers.set += 1;
        timers.due.insert((self.until, order), cx.waker().clone());
        Poll::Pending
    }
}
// ANCHOR_END: clock

#[cfg(test)]
mod tests {
    use super::*;

    use std::pin::pin;
    use std::sync::Arc;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::task::Wake;

    struct Count(AtomicUsize);

    impl Wake for Count {
        fn wake(self: Arc<Self>) {
            self.0.fetch_add(1, Ordering::SeqCst);
        }
    }

    #[test]
    fn a_sleep_wakes_its_task_at_its_tick_and_not_before() {
        let clock = Clock::default();
        let count = Arc::new(Count(AtomicUsize::new(0)));
        let waker = Waker::from(Arc::clone(&count));
        let mut cx = Context::from_waker(&waker);
        let mut sleep = pin!(clock.sleep(3));
        assert_eq!(sleep.as_mut().poll(&mut cx), Poll::Pending);
        assert_eq!(clock.next_due(), Some(3));
        clock.advance_to(2);
        assert_eq!(count.0.load(Ordering::SeqCst), 0);
        clock.advance_to(3);
        assert_eq!(count.0.load(Ordering::SeqCst), 1);
        assert_eq!(clock.next_due(), None);
        assert_eq!(sleep.as_mut().poll(&mut cx), Poll::Ready(()));
    }
}
