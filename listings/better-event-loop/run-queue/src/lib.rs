//! An executor that runs many tasks on one thread: a run queue, a waker per
//! task, and a clock whose timers wake the tasks. `std` and nothing else.

mod clock;
mod executor;

pub use clock::{Clock, Sleep};
pub use executor::{Executor, TaskStats};
