use std::io;
use std::time::Duration;

use tokio::io::{AsyncRead, AsyncReadExt};

/// How often the loop notes a tick: a heartbeat, while it waits for
/// messages.
pub const TICK: Duration = Duration::from_millis(100);

/// What the loop saw, in the order it saw it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    /// A whole message.
    Message(String),
    /// A tick of the timer.
    Tick,
}

/// A message as it travels: one byte that gives its length, then its text
/// in UTF-8, at most 255 bytes.
pub fn frame(text: &str) -> Vec<u8> {
    let length = u8::try_from(text.len()).expect("at most 255 bytes");
    let mut bytes = vec![length];
    bytes.extend_from_slice(text.as_bytes());
    bytes
}

/// Reads one message from `reader`: `Ok(None)` if the stream ends where a
/// message would start. It is not cancel safe: a future of it dropped
/// halfway has taken bytes from `reader`, which are lost.
pub async fn read_frame<R>(reader: &mut R) -> io::Result<Option<String>>
where
    R: AsyncRead + Unpin,
{
    let mut length = [0; 1];
    if reader.read(&mut length).await? == 0 {
        return Ok(None);
    }
    let mut text = vec![0; usize::from(length[0])];
    reader.read_exact(&mut text).await?;
    let text = String::from_utf8(text)
        .map_err(|error| io::Error::new(io::ErrorKind::InvalidData, error))?;
    Ok(Some(text))
}
