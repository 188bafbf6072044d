//! Exercise: an executor for many tasks on one thread that polls a task only
//! when it is new or its waker was called, in the order of the wake-ups.
//!
//! Write your answer in the block marked "starter", then test it with
//! `cargo test -p poll-woken -- --include-ignored`. The model answer is at
//! the end of this file, built only with `--features solution`.

// The starter code may not use what an answer will.
#![cfg_attr(not(feature = "solution"), allow(dead_code))]

use std::pin::Pin;

// ANCHOR: setup
/// A task's future, boxed, so that futures of any type fit in one `Vec`.
type BoxedTask = Pin<Box<dyn Future<Output = ()>>>;
// ANCHOR_END: setup

#[cfg(not(feature = "solution"))]
// ANCHOR: starter
mod executor {
    use super::BoxedTask;

    use std::sync::Arc;
    use std::sync::atomic::{AtomicBool, Ordering};
    use std::task::{Context, Wake, Waker};
    use std::thread::{self, Thread};

    /// One waker for all the tasks: it says that *some* task was woken.
    struct Wakeup {
        woken: AtomicBool,
        executor: Thread,
    }

    impl Wake for Wakeup {
        fn wake(self: Arc<Self>) {
            self.wake_by_ref();
        }

        fn wake_by_ref(self: &Arc<Self>) {
            self.woken.store(true, Ordering::Release);
            self.executor.unpark();
        }
    }

    /// Runs tasks on the thread that created it.
    pub struct Executor {
        tasks: Vec<Option<BoxedTask>>,
        executor: Thread,
    }

    impl Executor {
        /// An executor for the current thread, which must be the one that
        /// calls `run`.
        #[allow(clippy::new_without_default)]
        pub fn new() -> Self {
            Executor {
                tasks: Vec::new(),
                executor: thread::current(),
            }
        }

        /// Adds a task, to be polled for the first time when `run` starts.
        pub fn spawn(&mut self, future: impl Future<Output = ()> + 'static) {
            self.tasks.push(Some(Box::pin(future)));
        }

        /// Runs every task to its end, sleeping while all of them wait.
        pub fn run(mut self) {
            let wakeup = Arc::new(Wakeup {
                woken: AtomicBool::new(true), // the first polls need no wake-up
                executor: self.executor,
            });
            let waker = Waker::from(Arc::clone(&wakeup));
            let mut cx = Context::from_waker(&waker);
            while self.tasks.iter().any(Option::is_some) {
                while !wakeup.woken.swap(false, Ordering::Acquire) {
                    thread::park();
                }
                // Some task was woken, but which? Poll them all.
                for slot in &mut self.tasks {
                    if let Some(task) = slot
                        && task.as_mut().poll(&mut cx).is_ready()
                    {
                        *slot = None;
                    }
                }
            }
        }
    }
}
// ANCHOR_END: starter

// The model answer follows. If you are still working on the exercise,
// stop here: the tests are in `tests/check.rs`.

#[cfg(feature = "solution")]
// ANCHOR: solution
mod executor {
    use super::BoxedTask;

    use std::collections::VecDeque;
    use std::sync::{Arc, Mutex};
    use std::task::{Context, Wake, Waker};
    use std::thread::{self, Thread};

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
        /// How many tasks are not done yet.
        unfinished: usize,
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
                unfinished: 0,
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
            self.unfinished += 1;
            // A new task needs its first poll without a wake-up.
            self.queue.ready.lock().unwrap().push_back(id);
        }

        /// Runs every task to its end, sleeping while all of them wait.
        pub fn run(mut self) {
            while self.unfinished > 0 {
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
                    self.unfinished -= 1;
                }
            }
        }
    }
}
// ANCHOR_END: solution

pub use executor::Executor;
