//! A reader that waits for framed messages on a stream and, in the same
//! `select!`, for a ticker: `--part broken` loses a header when the tick
//! wins; `--part pinned` and `--part buffered` lose nothing.

use std::io::{self, ErrorKind};
use std::pin::pin;
use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt, DuplexStream, duplex};
use tokio::time::{Instant, interval, sleep_until};
use user_input::flags::{self, Clock, Flag, Flags};

/// The ticker's period.
const TICK: Duration = Duration::from_millis(100);
/// The longest body a frame may have: a longer length means that the
/// reader has lost its place in the stream.
const MAX_BODY: usize = 16;
/// What the writer sends: each body, and when (in ms from the start) it
/// writes the frame's header and then its body, as a slow network would
/// deliver them.
const MESSAGES: [(&str, u64, u64); 4] = [
    ("one", 30, 60),
    ("two", 130, 160),
    ("three", 250, 350),
    ("four", 430, 460),
];

/// Which reading loop runs.
#[derive(Debug, Default, Clone, Copy)]
enum Part {
    #[default]
    Broken,
    Pinned,
    Buffered,
}

#[derive(Debug)]
struct Settings {
    paused: bool,
    part: Part,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            paused: true,
            part: Part::default(),
        }
    }
}

impl Flags for Settings {
    const FLAGS: &'static [Flag] = &[
        Flag {
            name: "--clock",
            value: "real|paused",
            help: "real: wait for real; paused: tokio's clock jumps ahead when all tasks wait (default)",
        },
        Flag {
            name: "--part",
            value: "broken|pinned|buffered",
            help: "which reading loop runs (default broken)",
        },
    ];

    fn set(&mut self, name: &str, value: &str) -> Result<(), String> {
        match (name, value) {
            ("--clock", "real") => self.paused = false,
            ("--clock", "paused") => self.paused = true,
            ("--part", "broken") => self.part = Part::Broken,
            ("--part", "pinned") => self.part = Part::Pinned,
            ("--part", "buffered") => self.part = Part::Buffered,
            ("--clock", _) => {
                return Err(format!("{name} is real or paused, not {value:?}"));
            }
            _ => {
                let expected = "broken, pinned or buffered";
                return Err(format!("{name} is {expected}, not {value:?}"));
            }
        }
        Ok(())
    }
}

fn main() {
    let settings: Settings = flags::from_env();
    let clock = Clock {
        paused: settings.paused,
    };
    let runtime = clock_runtime::runtime(clock);
    runtime.block_on(async {
        let start = Instant::now();
        let (mut reader, writer) = duplex(64);
        tokio::spawn(write_messages(writer, start));
        let read = match settings.part {
            Part::Broken => broken(&mut reader, start).await,
            Part::Pinned => pinned(&mut reader, start).await,
            Part::Buffered => buffered(&mut reader, start).await,
        };
        println!("{read} of {} messages read", MESSAGES.len());
    });
}

/// Sends each message as a header, one byte that gives the body's length,
/// then the body, at the times `MESSAGES` gives; then closes the stream.
async fn write_messages(mut writer: DuplexStream, start: Instant) {
    for (body, header_at, body_at) in MESSAGES {
        let length = u8::try_from(body.len()).expect("a short body");
        sleep_until(start + Duration::from_millis(header_at)).await;
        if writer.write_all(&[length]).await.is_err() {
            return; // the reader has gone
        }
        sleep_until(start + Duration::from_millis(body_at)).await;
        if writer.write_all(body.as_bytes()).await.is_err() {
            return;
        }
    }
}

// ANCHOR: read_message
/// Reads one frame: a header byte that gives the body's length, then the
/// body. `Ok(None)` at the end of the stream.
async fn read_message(reader: &mut DuplexStream) -> io::Result<Option<String>> {
    let mut header = [0; 1];
    if let Err(error) = reader.read_exact(&mut header).await {
        if error.kind() == ErrorKind::UnexpectedEof {
            return Ok(None);
        }
        return Err(error);
    }
    let mut body = vec![0; checked_length(header[0])?];
    reader.read_exact(&mut body).await?;
    let text = String::from_utf8(body).map_err(io::Error::other)?;
    Ok(Some(text))
}
// ANCHOR_END: read_message

/// The body's length that `header` gives, or an error if no frame is
/// that long.
fn checked_length(header: u8) -> io::Result<usize> {
    let length = usize::from(header);
    if length > MAX_BODY {
        let message =
            format!("a header says {length} bytes, the limit is {MAX_BODY}");
        return Err(io::Error::new(ErrorKind::InvalidData, message));
    }
    Ok(length)
}

/// Milliseconds since `start`, on tokio's clock.
fn millis(start: Instant) -> u128 {
    start.elapsed().as_millis()
}

/// Prints what one read gave, and counts the messages in `read`. Returns
/// whether the reader should go on.
fn report(got: io::Result<Option<String>>, read: &mut u32, start: Instant) -> bool {
    let at = millis(start);
    match got {
        Ok(Some(text)) => {
            *read += 1;
            println!("{at:>4} ms  message {read}: {text:?}");
            true
        }
        Ok(None) => {
            println!("{at:>4} ms  end of stream");
            false
        }
        Err(error) => {
            println!("{at:>4} ms  out of step: {error}");
            false
        }
    }
}

// ANCHOR: broken
/// Each turn makes a new `read_message` future; when the tick wins, the
/// one that lost is dropped, with whatever it had read.
async fn broken(reader: &mut DuplexStream, start: Instant) -> u32 {
    let (mut ticker, mut ticks, mut read) = (interval(TICK), 0, 0);
    loop {
        tokio::select! {
            got = read_message(reader) => {
                if !report(got, &mut read, start) {
                    return read;
                }
            }
            _ = ticker.tick() => {
                ticks += 1;
                println!("{:>4} ms  tick {ticks}", millis(start));
            }
        }
    }
}
// ANCHOR_END: broken

// ANCHOR: pinned
/// One `read_message` future per message, made before the `select!` loop
/// and polled through `&mut` by every turn until it finishes.
async fn pinned(reader: &mut DuplexStream, start: Instant) -> u32 {
    let (mut ticker, mut ticks, mut read) = (interval(TICK), 0, 0);
    loop {
        let mut message = pin!(read_message(reader));
        let got = loop {
            tokio::select! {
                got = &mut message => break got,
                _ = ticker.tick() => {
                    ticks += 1;
                    println!("{:>4} ms  tick {ticks}", millis(start));
                }
            }
        };
        if !report(got, &mut read, start) {
            return read;
        }
    }
}
// ANCHOR_END: pinned

// ANCHOR: buffered
/// The bytes read so far live in `buffer`, outside the `select!`: a
/// `read_buf` that loses a turn has read nothing.
async fn buffered(reader: &mut DuplexStream, start: Instant) -> u32 {
    let (mut ticker, mut ticks, mut read) = (interval(TICK), 0, 0);
    let mut buffer = Vec::new();
    loop {
        let got = take_frame(&mut buffer);
        if !matches!(got, Ok(None)) {
            if !report(got, &mut read, start) {
                return read;
            }
            continue;
        }
        tokio::select! {
            bytes = reader.read_buf(&mut buffer) => {
                let end = match bytes {
                    Ok(0) if buffer.is_empty() => Ok(None),
                    Ok(0) => Err(ErrorKind::UnexpectedEof.into()),
                    Ok(_) => continue, // maybe a whole frame now
                    Err(error) => Err(error),
                };
                report(end, &mut read, start);
                return read;
            }
            _ = ticker.tick() => {
                ticks += 1;
                println!("{:>4} ms  tick {ticks}", millis(start));
            }
        }
    }
}

/// Takes one whole frame off the front of `buffer`, if it holds one.
fn take_frame(buffer: &mut Vec<u8>) -> io::Result<Option<String>> {
    let Some(&header) = buffer.first() else {
        return Ok(None);
    };
    let length = checked_length(header)?;
    if buffer.len() < 1 + length {
        return Ok(None);
    }
    let body = buffer.drain(..1 + length).skip(1).collect();
    let text = String::from_utf8(body).map_err(io::Error::other)?;
    Ok(Some(text))
}
// ANCHOR_END: buffered
