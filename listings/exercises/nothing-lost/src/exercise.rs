//! Your answer: read every message whole, and note every tick.

use std::io;

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
        // Each round races a new `read_frame` against the next tick.
        // When the tick wins, the read is dropped, with whatever part of a
        // message it had taken. Your code here.
        tokio::select! {
            frame = read_frame(&mut reader) => match frame? {
                Some(text) => events.push(Event::Message(text)),
                None => return Ok(events),
            },
            _ = ticks.tick() => events.push(Event::Tick),
        }
    }
}
