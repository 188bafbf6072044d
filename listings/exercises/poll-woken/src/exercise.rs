//! Your answer: an executor that polls only the tasks whose wakers were
//! called. `new`, `spawn` and `run` keep their signatures; change anything
//! else, and add the types and imports you need.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::task::{Context, Wake, Waker};
use std::thread::{self, Thread};

use crate::BoxedTask;

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
