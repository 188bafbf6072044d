//! The model answer: a waker per task, which queues its task, and a run
//! queue that `run` polls in order, parking while it is empty.

use std::collections::VecDeque;
use std::sync::{Arc, Mutex};
use std::task::{Context, Wake, Waker};
use std::thread::{self, Thread};

use crate::BoxedTask;

/// The numbers of the woken tasks, in the order of their wake-ups, and
/// the thread to unpark. Nothing panics holding the lock.
struct RunQueue {
    ready: Mutex<VecDeque<usize>>,
    executor: Thread,
}

/// The waker of one task: it queues that task, and no other.
struct TaskWaker {
    id: usize,
    queue: Arc<RunQueue>,
}

impl Wake for TaskWaker {
    fn wake(self: Arc<Self>) {
        self.wake_by_ref();
    }

    fn wake_by_ref(self: &Arc<Self>) {
        let mut ready = self.queue.ready.lock().unwrap();
        if !ready.contains(&self.id) {
            ready.push_back(self.id);
        }
        drop(ready); // unpark with the lock released
        self.queue.executor.unpark();
    }
}

/// Runs tasks on the thread that created it.
pub struct Executor {
    /// Each task's future, until it is done, and its waker.
    tasks: Vec<(Option<BoxedTask>, Waker)>,
    queue: Arc<RunQueue>,
}

impl Executor {
    /// An executor for the current thread, which must be the one that
    /// calls `run`.
    #[allow(clippy::new_without_default)]
    pub fn new() -> Self {
        let queue = RunQueue {
            ready: Mutex::default(),
            executor: thread::current(),
        };
        Executor {
            tasks: Vec::new(),
            queue: Arc::new(queue),
        }
    }

    /// Adds a task, to be polled for the first time when `run` starts.
    pub fn spawn(&mut self, future: impl Future<Output = ()> + 'static) {
        let id = self.tasks.len();
        let waker = Waker::from(Arc::new(TaskWaker {
            id,
            queue: Arc::clone(&self.queue),
        }));
        self.tasks.push((Some(Box::pin(future)), waker));
        // A new task needs its first poll without a wake-up.
        self.queue.ready.lock().unwrap().push_back(id);
    }

    /// Runs every task to its end, sleeping while all of them wait.
    pub fn run(mut self) {
        // The tasks not done yet: counted, not searched for on every turn.
        let mut left = self.tasks.len();
        while left > 0 {
            // The lock is released at the end of this statement, before
            // the poll, which may wake tasks.
            let next = self.queue.ready.lock().unwrap().pop_front();
            let Some(id) = next else {
                // A wake-up between the look and the park leaves a token,
                // and `park` returns at once; it may also return for no
                // reason, and the loop looks again.
                thread::park();
                continue;
            };
            let (slot, waker) = &mut self.tasks[id];
            // A task woken after it ended has nothing left to poll.
            if let Some(task) = slot
                && task
                    .as_mut()
                    .poll(&mut Context::from_waker(waker))
                    .is_ready()
            {
                *slot = None;
                left -= 1;
            }
        }
    }
}
