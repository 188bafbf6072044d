//! The runtime of every listing that takes `--clock real|paused`, written
//! once: the listings of modules 2 and 3 build it in their `main`.

use tokio::runtime::{Builder, Runtime};
use user_input::flags::Clock;

/// A current-thread runtime with its timers, on the clock that `--clock`
/// chose. Paused, tokio's clock stands still while a task can run and jumps
/// to the next timer when none can; the code that runs on it is the same.
pub fn runtime(clock: Clock) -> Runtime {
    Builder::new_current_thread()
        .enable_all()
        .start_paused(clock.paused)
        .build()
        .expect("a runtime for this thread")
}
