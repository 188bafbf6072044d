//! The same key presses, replayed in real time to a loop that polls on a
//! timer and to a loop that sleeps until it is woken; what each one saw,
//! and how late.

mod args;
mod figures;
mod loops;
mod schedule;

pub use args::Settings;
pub use figures::{Figures, percentile};
pub use loops::{Event, Run, polling_loop, replay, waker_loop};
pub use schedule::{Press, schedule};
