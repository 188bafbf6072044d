//! An executor for many tasks on one thread: a run queue, and a waker per
//! task that puts its own task, and no other, in the queue.

use std::collections::VecDeque;
use std::pin::Pin;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::task::{Context, Wake, Waker};
use std::thread::{self, Thread};
use std::time::{Duration, Instant};

use crate::Clock;

// ANCHOR: task
/// What every waker shares with the executor: the numbers of the tasks
/// that were woken, in the order of their wake-ups, and the thread to
/// unpark. Nothing panics while holding the lock, so `lock` never fails.
struct RunQueue {
    ready: Mutex<VecDeque<usize>>,
    executor: Thread,
}

/// The waker of one task. It knows its task by number: calling it puts
/// that task in the run queue.
struct Task {
    id: usize,
    name: &'static str,
    queue: Arc<RunQueue>,
    /// How often this waker was called. The count orders nothing else, so
    /// `Relaxed` is enough.
    wakes: AtomicUsize,
}

impl Wake for Task {
    fn wake(self: Arc<Self>) {
        self.wake_by_ref();
    }

    fn wake_by_ref(self: &Arc<Self>) {
        self.wakes.fetch_add(1, Ordering::Relaxed);
        println!("  wake {}", self.name);
        let mut ready = self.queue.ready.lock().unwrap();
        // A task already in the queue will be polled anyway: once is enough.
        if !ready.contains(&self.id) {
            ready.push_back(self.id);
        }
        drop(ready);
        self.queue.executor.unpark();
    }
}
// ANCHOR_END: task

// ANCHOR: executor
/// Runs tasks on the thread that calls `run`, and polls a task only when it
/// is new or its waker was called.
pub struct Executor {
    tasks: Vec<Slot>,
    /// How many tasks are not done yet.
    unfinished: usize,
    queue: Arc<RunQueue>,
    clock: Clock,
    /// How long one tick of the clock lasts, in real time.
    tick: Duration,
}

/// A task as the executor keeps it: its waker, made once, and its future,
/// until it is done.
struct Slot {
    task: Arc<Task>,
    waker: Waker,
    future: Option<Pin<Box<dyn Future<Output = ()>>>>,
    polls: usize,
}

impl Executor {
    pub fn new(tick: Duration) -> Self {
        let queue = RunQueue {
            ready: Mutex::default(),
            executor: thread::current(),
        };
        Executor {
            tasks: Vec::new(),
            unfinished: 0,
            queue: Arc::new(queue),
            clock: Clock::default(),
            tick,
        }
    }

    /// The clock whose timers this executor drives.
    pub fn clock(&self) -> Clock {
        self.clock.clone()
    }

    /// Adds a task, to be polled first when `run` starts.
    pub fn spawn(
        &mut self,
        name: &'static str,
        future: impl Future<Output = ()> + 'static,
    ) {
        println!("spawn {name}: a future of {} bytes", size_of_val(&future));
        let id = self.tasks.len();
        let task = Arc::new(Task {
            id,
            name,
            queue: Arc::clone(&self.queue),
            wakes: AtomicUsize::new(0),
        });
        let waker = Waker::from(Arc::clone(&task));
        let future = Some(Box::pin(future) as Pin<Box<dyn Future<Output = ()>>>);
        self.tasks.push(Slot {
            task,
            waker,
            future,
            polls: 0,
        });
        self.unfinished += 1;
        self.queue.ready.lock().unwrap().push_back(id);
    }

    /// Runs every task to its end, and says how often each one was polled
    /// and woken.
    pub fn run(mut self) -> Vec<TaskStats> {
        let start = Instant::now();
        println!("tick {}", self.clock.now());
        loop {
            let next = self.queue.ready.lock().unwrap().pop_front();
            if let Some(id) = next {
                self.poll(id);
            } else if self.unfinished == 0 {
                break;
            } else if let Some(due) = self.clock.next_due() {
                // Nothing to run: sleep until the next timer, unless a
                // waker called from another thread ends the wait sooner.
                let deadline = start + self.tick * u32::try_from(due).unwrap();
                if self.wait_until(deadline) {
                    println!("tick {due}");
                    self.clock.advance_to(due);
                }
            } else {
                // Only a waker called from another thread can help now.
                thread::park();
            }
        }
        self.tasks.iter().map(TaskStats::of).collect()
    }

    /// Polls task `id`, if it is not done yet.
    fn poll(&mut self, id: usize) {
        let slot = &mut self.tasks[id];
        // A task woken after it ended has nothing left to poll.
        let Some(future) = &mut slot.future else {
            return;
        };
        slot.polls += 1;
        println!("  poll {}", slot.task.name);
        let mut cx = Context::from_waker(&slot.waker);
        if future.as_mut().poll(&mut cx).is_ready() {
            println!("  {} is done", slot.task.name);
            slot.future = None;
            self.unfinished -= 1;
        }
    }

    /// Parks until `deadline`, and says whether it came; `false` if a task
    /// was woken first.
    fn wait_until(&self, deadline: Instant) -> bool {
        loop {
            if !self.queue.ready.lock().unwrap().is_empty() {
                return false;
            }
            let now = Instant::now();
            if now >= deadline {
                return true;
            }
            thread::park_timeout(deadline - now);
        }
    }
}
// ANCHOR_END: executor

/// How often a task was polled, and how often its waker was called.
#[derive(Debug, Clone, PartialEq)]
pub struct TaskStats {
    pub name: &'static str,
    pub polls: usize,
    pub wakes: usize,
}

impl TaskStats {
    fn of(slot: &Slot) -> Self {
        TaskStats {
            name: slot.task.name,
            polls: slot.polls,
            wakes: slot.task.wakes.load(Ordering::Relaxed),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use std::cell::Cell;
    use std::future::poll_fn;
    use std::rc::Rc;
    use std::sync::mpsc;
    use std::task::Poll;

    /// A task that waits, `Pending`, until `wakes` wake-ups have come, and
    /// counts its polls in `polls`.
    fn waits_for(
        wakes: usize,
        slot: mpsc::Sender<Waker>,
        polls: Rc<Cell<usize>>,
    ) -> impl Future<Output = ()> {
        poll_fn(move |cx| {
            polls.set(polls.get() + 1);
            if polls.get() > wakes {
                return Poll::Ready(());
            }
            slot.send(cx.waker().clone()).unwrap();
            Poll::Pending
        })
    }

    #[test]
    fn a_waker_called_from_another_thread_unparks_the_executor() {
        let mut executor = Executor::new(Duration::ZERO);
        let (slot, wakers) = mpsc::channel();
        let polls = Rc::new(Cell::new(0));
        executor.spawn("far", waits_for(3, slot, Rc::clone(&polls)));
        let other = thread::spawn(move || {
            for waker in wakers {
                thread::sleep(Duration::from_millis(10));
                waker.wake();
            }
        });
        let stats = executor.run();
        other.join().unwrap();
        assert_eq!(polls.get(), 4);
        let far = TaskStats {
            name: "far",
            polls: 4,
            wakes: 3,
        };
        assert_eq!(stats, [far]);
    }

    #[test]
    fn a_task_woken_twice_before_its_poll_is_polled_once() {
        let mut executor = Executor::new(Duration::ZERO);
        let (slot, wakers) = mpsc::channel();
        let polls = Rc::new(Cell::new(0));
        executor.spawn("twice", waits_for(2, slot, Rc::clone(&polls)));
        let clock = executor.clock();
        // A second task wakes the first one twice, lets the queue empty,
        // and counts the polls that the two wake-ups gave; then it lets the
        // first task end.
        executor.spawn("waker", async move {
            clock.sleep(1).await;
            let waker: Waker = wakers.recv().unwrap();
            waker.wake_by_ref();
            waker.wake();
            clock.sleep(1).await;
            assert_eq!(polls.get(), 2, "two wake-ups before a poll gave two polls");
            wakers.recv().unwrap().wake();
        });
        let stats = executor.run();
        assert_eq!(stats[0].polls, 3, "{stats:?}");
        assert_eq!(stats[0].wakes, 3, "{stats:?}");
    }

    #[test]
    fn a_task_that_is_never_woken_is_polled_once_while_others_run() {
        let mut executor = Executor::new(Duration::ZERO);
        let clock = executor.clock();
        let (slot, wakers) = mpsc::channel();
        let polls = Rc::new(Cell::new(0));
        executor.spawn("idle", waits_for(1, slot, Rc::clone(&polls)));
        let idle_polls = Rc::clone(&polls);
        executor.spawn("busy", async move {
            for _ in 0..100 {
                clock.sleep(1).await;
            }
            assert_eq!(idle_polls.get(), 1, "the idle task was polled again");
            // Let the idle task end, so that `run` returns.
            wakers.recv().unwrap().wake();
        });
        let stats = executor.run();
        assert_eq!((stats[0].polls, stats[1].polls), (2, 101), "{stats:?}");
    }
}
