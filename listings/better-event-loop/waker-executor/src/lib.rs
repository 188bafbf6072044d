//! An executor that sleeps until a waker calls it, and a channel whose
//! receiving end is a leaf future: `std` and nothing else. The `loop-race`
//! listing uses both.

mod channel;
mod executor;

pub use channel::{Receiver, Recv, Sender, channel};
pub use executor::block_on;
