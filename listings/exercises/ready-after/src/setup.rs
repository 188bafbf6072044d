use std::sync::{Arc, Mutex};
use std::task::Waker;

/// What the two halves share: the ticks still to come, and the waker of the
/// task that waits, once it has polled.
pub(crate) struct Shared {
    pub(crate) ticks_left: u32,
    pub(crate) waker: Option<Waker>,
}

/// The half that counts down, from any thread: see `Ticker::tick`.
pub struct Ticker {
    pub(crate) shared: Arc<Mutex<Shared>>,
}

/// The half that waits: a future, ready once the ticker has ticked `n`
/// times.
pub struct ReadyAfter {
    pub(crate) shared: Arc<Mutex<Shared>>,
}

/// A ticker, and a future that is ready after `n` of its ticks.
pub fn ready_after(n: u32) -> (Ticker, ReadyAfter) {
    let shared = Arc::new(Mutex::new(Shared {
        ticks_left: n,
        waker: None,
    }));
    let ticker = Ticker {
        shared: Arc::clone(&shared),
    };
    (ticker, ReadyAfter { shared })
}
