//! A real executor for the tests, like `waker-executor`'s `block_on`: between
//! polls, its thread sleeps until the task's waker is called. It counts the
//! polls and measures the run, so that a test can tell a future that waits
//! from one that keeps its thread busy.
//!
//! The tests of `moves-future` and `join-two` use it too, through
//! `#[path = "../../ready-after/tests/executor/mod.rs"]`.

use std::pin::pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::task::{Context, Poll, Wake, Waker};
use std::thread::{self, Thread};
use std::time::{Duration, Instant};

/// Notes that the task was woken, and unparks the executor's thread.
struct ThreadWaker {
    executor: Thread,
    woken: AtomicBool,
}

impl Wake for ThreadWaker {
    fn wake(self: Arc<Self>) {
        self.wake_by_ref();
    }

    fn wake_by_ref(self: &Arc<Self>) {
        self.woken.store(true, Ordering::Release);
        self.executor.unpark();
    }
}

/// What a run of `block_on` cost.
#[derive(Debug)]
pub struct Run {
    /// How many times the future was polled.
    pub polls: u32,
    /// How long the run took.
    pub wall: Duration,
    /// The CPU time the executor's thread used, where the system reports
    /// it (Linux does); `None` elsewhere.
    pub cpu: Option<Duration>,
}

impl Run {
    /// Asserts that the executor's thread slept through most of the run:
    /// its CPU time is under a tenth of the wall time. A future that wakes
    /// itself while it waits keeps the thread polling, and fails this.
    pub fn assert_slept(&self) {
        if let Some(cpu) = self.cpu {
            assert!(
                cpu * 10 < self.wall,
                "the executor's thread used {cpu:?} of CPU in {:?}: it did not \
                 sleep ({} polls)",
                self.wall,
                self.polls
            );
        }
    }
}

/// Runs `future` to the end on this thread, polling it once at the start
/// and then only after its waker was called; returns its output and what
/// the run cost. Panics if the future is not done within `limit`, so that
/// a test fails rather than hangs.
pub fn block_on<F: Future>(future: F, limit: Duration) -> (F::Output, Run) {
    let task = Arc::new(ThreadWaker {
        executor: thread::current(),
        woken: AtomicBool::new(true), // the first poll needs no wake-up
    });
    let waker = Waker::from(Arc::clone(&task));
    let mut cx = Context::from_waker(&waker);
    let mut future = pin!(future);
    let (start, cpu_start) = (Instant::now(), thread_cpu_time());
    let mut polls = 0;
    loop {
        // `park` may also return for no reason: sleep until truly woken.
        while !task.woken.swap(false, Ordering::Acquire) {
            let Some(left) = limit.checked_sub(start.elapsed()) else {
                panic!("not woken after {polls} polls and {limit:?}");
            };
            thread::park_timeout(left);
        }
        polls += 1;
        if let Poll::Ready(output) = future.as_mut().poll(&mut cx) {
            let cpu = thread_cpu_time()
                .zip(cpu_start)
                .map(|(end, start)| end - start);
            let wall = start.elapsed();
            return (output, Run { polls, wall, cpu });
        }
        assert!(
            start.elapsed() < limit,
            "not done after {limit:?}: {polls} polls"
        );
    }
}

/// The CPU time this thread has used: Linux gives it in nanoseconds, as the
/// first number of `/proc/thread-self/schedstat`.
fn thread_cpu_time() -> Option<Duration> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let nanos = stat.split_whitespace().next()?.parse().ok()?;
    Some(Duration::from_nanos(nanos))
}
