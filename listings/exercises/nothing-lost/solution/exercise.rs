//! The model answer: one read per message, kept across the ticks.

use std::io;
use std::pin::pin;

use tokio::io::AsyncRead;
use tokio::time::{Instant, interval_at};

use crate::{Event, TICK, read_frame};

/// Reads the messages of `reader` until it ends, and notes a tick every
/// `TICK` from the start meanwhile. Returns the messages and the ticks, in
/// the order they came, or the first error of `reader`.
pub async fn receive<R>(mut reader: R) -> io::Result<Vec<Event>>
where
    R: AsyncRead + Unpin,
{
    let mut events = Vec::new();
    let mut ticks = interval_at(Instant::now() + TICK, TICK);
    loop {
        // The read of the next message, made once, outside the `select!`:
        // a tick that wins drops only a reference to it.
        let mut read = pin!(read_frame(&mut reader));
        let frame = loop {
            tokio::select! {
                frame = &mut read => break frame?,
                // `Interval::tick` is cancel safe: a tick never goes missing.
                _ = ticks.tick() => events.push(Event::Tick),
            }
        };
        match frame {
            Some(text) => events.push(Event::Message(text)),
            None => return Ok(events),
        }
    }
}
