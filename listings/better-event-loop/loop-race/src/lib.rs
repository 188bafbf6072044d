//! The same key presses, replayed in real time to the loops of the race:
//! a loop that polls on a timer and a loop that sleeps until it is woken,
//! both reading a queue (`loop-race`), and the same polling loop reading a
//! queue and a one-event slot (`buffer-race`); what each one saw, how late,
//! and how often it woke.

mod args;
mod figures;
mod loops;
mod schedule;

pub use args::Settings;
pub use figures::{Figures, percentile};
pub use loops::{
    Event, Handled, Run, polling_loop, polling_loop_on_a_slot, replay, waker_loop,
};
pub use schedule::{Press, describe, schedule};
