//! The exercise's tests. On the starter code each of them fails; on a
//! working answer each of them passes. Each runs the executor on a thread
//! of its own, so that an answer that hangs fails instead.

use std::cell::{Cell, RefCell};
use std::future::poll_fn;
use std::rc::Rc;
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::task::{Poll, Waker};
use std::thread;
use std::time::{Duration, Instant};

use poll_woken::Executor;

/// Runs `test` on a new thread, and fails if it takes over a minute.
fn within_a_minute<T: Send + 'static>(
    test: impl FnOnce() -> T + Send + 'static,
) -> T {
    let (done, result) = mpsc::channel();
    thread::spawn(move || done.send(test()));
    result
        .recv_timeout(Duration::from_secs(60))
        .expect("the executor finished within a minute")
}

/// A bell that another thread, or a task, can ring. A task waits for it
/// with `heard`; `rings` and `heard` count both sides.
#[derive(Clone, Default)]
struct Bell(Arc<Mutex<BellState>>);

#[derive(Default)]
struct BellState {
    rings: usize,
    heard: usize,
    waker: Option<Waker>,
}

impl Bell {
    fn ring(&self) {
        let mut state = self.0.lock().unwrap();
        state.rings += 1;
        let waker = state.waker.take();
        drop(state);
        if let Some(waker) = waker {
            waker.wake();
        }
    }

    /// Ready once the bell has rung more often than it was heard.
    async fn heard(&self) {
        poll_fn(|cx| {
            let mut state = self.0.lock().unwrap();
            if state.rings > state.heard {
                state.heard += 1;
                return Poll::Ready(());
            }
            state.waker = Some(cx.waker().clone());
            Poll::Pending
        })
        .await;
    }

    /// Waits, on a thread outside the executor, until a task waits for the
    /// bell, having left its waker: a ring then wakes that task.
    fn wait_until_awaited(&self) {
        self.wait_until(|state| state.waker.is_some(), "nobody waits for the bell");
    }

    /// Waits, on a thread outside the executor, until every ring was heard.
    fn wait_until_heard(&self) {
        self.wait_until(|state| state.heard == state.rings, "a ring unheard");
    }

    fn wait_until(&self, done: impl Fn(&BellState) -> bool, failure: &str) {
        let start = Instant::now();
        while !done(&self.0.lock().unwrap()) {
            assert!(start.elapsed() < Duration::from_secs(30), "{failure}");
            thread::sleep(Duration::from_millis(1));
        }
    }
}

/// A task that hears `bell` `times` times, and counts its polls in `polls`.
fn listener(
    bell: Bell,
    times: usize,
    polls: Rc<Cell<usize>>,
) -> impl Future<Output = ()> {
    let mut task = Box::pin(async move {
        for _ in 0..times {
            bell.heard().await;
        }
    });
    poll_fn(move |cx| {
        polls.set(polls.get() + 1);
        task.as_mut().poll(cx)
    })
}

fn counter() -> (Rc<Cell<usize>>, Rc<Cell<usize>>) {
    let polls = Rc::new(Cell::new(0));
    (Rc::clone(&polls), polls)
}

#[test]
#[cfg_attr(not(feature = "solution"), ignore = "run with --include-ignored")]
fn a_task_is_polled_once_to_start_and_once_per_wake_up() {
    let polls = within_a_minute(|| {
        let (a, b) = (Bell::default(), Bell::default());
        let mut executor = Executor::new();
        let (a_polls, a_seen) = counter();
        let (b_polls, b_seen) = counter();
        executor.spawn(listener(a.clone(), 3, a_polls));
        executor.spawn(listener(b.clone(), 5, b_polls));
        // Rings b, a, b, a, b, a, b, b, each once its task waits for it and
        // the ring before was heard, so that each ring is one wake-up.
        let ringer = thread::spawn(move || {
            for bell in [&b, &a, &b, &a, &b, &a, &b, &b] {
                bell.wait_until_awaited();
                bell.ring();
                bell.wait_until_heard();
            }
        });
        executor.run();
        ringer.join().unwrap();
        (a_seen.get(), b_seen.get())
    });
    assert_eq!(polls, (4, 6), "polls of (a, b)");
}

/// A future that is `Pending` once, and wakes its own task at once: the
/// task goes to the back of the queue, and the tasks before it run.
async fn yield_now() {
    let mut yielded = false;
    poll_fn(|cx| {
        if yielded {
            return Poll::Ready(());
        }
        yielded = true;
        cx.waker().wake_by_ref();
        Poll::Pending
    })
    .await;
}

#[test]
#[cfg_attr(not(feature = "solution"), ignore = "run with --include-ignored")]
fn a_task_woken_twice_before_its_poll_is_polled_once() {
    let polls = within_a_minute(|| {
        let bell = Bell::default();
        let mut executor = Executor::new();
        let (polls, seen) = counter();
        executor.spawn(listener(bell.clone(), 1, polls));
        // A second task yields once, then, in one poll, calls twice the
        // waker that the first task left in the bell. It yields again, so
        // that the first task's poll comes, then rings the bell.
        executor.spawn(async move {
            yield_now().await;
            let waker = bell.0.lock().unwrap().waker.clone();
            let waker = waker.expect("the first task waits for the bell");
            waker.wake_by_ref();
            waker.wake();
            yield_now().await;
            bell.ring();
        });
        executor.run();
        seen.get()
    });
    assert_eq!(
        polls, 3,
        "polls of the task: to start, for both wake-ups, for the ring"
    );
}

#[test]
#[cfg_attr(not(feature = "solution"), ignore = "run with --include-ignored")]
fn a_waiting_task_is_not_polled_while_another_runs() {
    let polls = within_a_minute(|| {
        let bell = Bell::default();
        let mut executor = Executor::new();
        let (idle_polls, idle_seen) = counter();
        executor.spawn(listener(bell.clone(), 1, idle_polls));
        let idle_before_end = Rc::new(Cell::new(0));
        let (idle_so_far, before_end) =
            (Rc::clone(&idle_seen), Rc::clone(&idle_before_end));
        // A busy task: it wakes itself, and returns `Pending`, 100 times.
        let mut left = 100;
        executor.spawn(poll_fn(move |cx| {
            if left == 0 {
                before_end.set(idle_so_far.get());
                bell.ring();
                return Poll::Ready(());
            }
            left -= 1;
            cx.waker().wake_by_ref();
            Poll::Pending
        }));
        executor.run();
        (idle_before_end.get(), idle_seen.get())
    });
    assert_eq!(
        polls,
        (1, 2),
        "polls of the idle task: while the other ran, in all"
    );
}

#[test]
#[cfg_attr(not(feature = "solution"), ignore = "run with --include-ignored")]
fn tasks_are_polled_in_the_order_they_were_woken() {
    let order = within_a_minute(|| {
        let order = Rc::new(RefCell::new(Vec::new()));
        let bells: Vec<Bell> = (0..3).map(|_| Bell::default()).collect();
        let mut executor = Executor::new();
        for (name, bell) in ["a", "b", "c"].into_iter().zip(&bells) {
            let (bell, order) = (bell.clone(), Rc::clone(&order));
            executor.spawn(async move {
                bell.heard().await;
                order.borrow_mut().push(name);
            });
        }
        // A fourth task rings c, a, b, in that order, in one poll.
        executor.spawn(async move {
            for n in [2, 0, 1] {
                bells[n].ring();
            }
        });
        executor.run();
        order.take()
    });
    assert_eq!(order, ["c", "a", "b"]);
}

/// CPU time used so far by the calling thread, where Linux tells it: the
/// first number in `/proc/thread-self/schedstat` is in nanoseconds.
fn thread_cpu_time() -> Option<Duration> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let nanos = stat.split_whitespace().next()?.parse().ok()?;
    Some(Duration::from_nanos(nanos))
}

#[test]
#[cfg_attr(not(feature = "solution"), ignore = "run with --include-ignored")]
fn the_executor_sleeps_while_every_task_waits() {
    let (cpu, wall, polls) = within_a_minute(|| {
        let (bell, idle) = (Bell::default(), Bell::default());
        let mut executor = Executor::new();
        let (polls, seen) = counter();
        let (idle_polls, idle_seen) = counter();
        executor.spawn(listener(bell.clone(), 10, polls));
        executor.spawn(listener(idle.clone(), 1, idle_polls));
        // Ten rings, 30 ms apart, then the end of the idle task.
        let ringer = thread::spawn(move || {
            for _ in 0..10 {
                thread::sleep(Duration::from_millis(30));
                bell.ring();
            }
            bell.wait_until_heard();
            idle.ring();
        });
        let (start, cpu_start) = (Instant::now(), thread_cpu_time());
        executor.run();
        let wall = start.elapsed();
        let cpu = cpu_start.zip(thread_cpu_time()).map(|(a, b)| b - a);
        ringer.join().unwrap();
        (cpu, wall, (seen.get(), idle_seen.get()))
    });
    // Two rings in quick succession may be heard in one poll, and on a busy
    // machine all ten may come before the first poll.
    assert!(
        (1..=11).contains(&polls.0),
        "{} polls for 10 rings",
        polls.0
    );
    assert_eq!(polls.1, 2, "polls of the task that waited all along");
    if let Some(cpu) = cpu {
        assert!(
            cpu < wall / 20,
            "the executor used {cpu:?} of CPU time in {wall:?}: it should park"
        );
    }
}
