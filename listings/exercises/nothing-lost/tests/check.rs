//! The exercise's tests. On the starter code each of them fails; on a
//! working answer each of them passes. They run on tokio's paused clock:
//! `sleep` takes no real time, and the clock jumps to the next timer
//! whenever every task waits, so the times they check are exact. No byte
//! is written at a tick's time, so that no test depends on which of the
//! two a `select!` sees first.

use std::time::Duration;

use tokio::io::{AsyncWriteExt, DuplexStream, duplex};
use tokio::time::{Instant, sleep_until, timeout};

use nothing_lost::{Event, frame, receive};

/// Longer than any test needs: an answer that never returns fails, on the
/// paused clock, instead of hanging.
const LIMIT: Duration = Duration::from_secs(60);

/// The reading end of a stream whose writer, a task of its own, writes
/// each part at its time, in milliseconds from the start, and closes the
/// stream right after the last.
fn write_at(parts: Vec<(u64, Vec<u8>)>) -> DuplexStream {
    let start = Instant::now();
    let (mut writer, reader) = duplex(64);
    tokio::spawn(async move {
        for (millis, bytes) in parts {
            sleep_until(start + Duration::from_millis(millis)).await;
            writer.write_all(&bytes).await.expect("the reader is there");
        }
        // `writer` is dropped here: the reader sees the stream's end.
    });
    reader
}

/// Runs `receive` on `reader`, and gives its events.
async fn events_of(reader: DuplexStream) -> Vec<Event> {
    timeout(LIMIT, receive(reader))
        .await
        .expect("receive returns")
        .expect("every message of the stream is whole")
}

fn message(text: &str) -> Event {
    Event::Message(text.into())
}

#[tokio::test(start_paused = true)]
#[cfg_attr(not(feature = "solution"), ignore = "run with --include-ignored")]
async fn a_message_cut_by_a_tick_arrives_whole() {
    let bytes = frame("hello");
    // The length and "hel" at once, "lo" 150 ms later: the tick at 100 ms
    // comes in the middle of the message.
    let (first, rest) = bytes.split_at(4);
    let reader = write_at(vec![(0, first.to_vec()), (150, rest.to_vec())]);
    assert_eq!(events_of(reader).await, [Event::Tick, message("hello")]);
}

#[tokio::test(start_paused = true)]
#[cfg_attr(not(feature = "solution"), ignore = "run with --include-ignored")]
async fn ticks_go_on_while_a_message_is_slow() {
    let bytes = frame("late");
    // The length at once, the text at 350 ms, after three ticks.
    let (length, text) = bytes.split_at(1);
    let reader = write_at(vec![(0, length.to_vec()), (350, text.to_vec())]);
    let ticks = vec![Event::Tick; 3];
    assert_eq!(
        events_of(reader).await,
        [ticks, vec![message("late")]].concat()
    );
}

#[tokio::test(start_paused = true)]
#[cfg_attr(not(feature = "solution"), ignore = "run with --include-ignored")]
async fn every_message_of_a_slow_stream_arrives_intact() {
    let texts = ["one", "two", "three", "four"];
    let bytes: Vec<u8> = texts.iter().flat_map(|text| frame(text)).collect();
    // One byte every 30 ms, at 5 ms, 35 ms, ..., 545 ms: the ticks fall
    // inside messages, and never at a byte's time.
    let parts = (0..).zip(bytes).map(|(i, byte)| (5 + 30 * i, vec![byte]));
    let events = events_of(write_at(parts.collect())).await;
    let messages: Vec<Event> = events
        .iter()
        .filter(|event| **event != Event::Tick)
        .cloned()
        .collect();
    assert_eq!(messages, texts.map(message), "events: {events:?}");
    let ticks = events.len() - messages.len();
    // The stream ends at 545 ms: ticks at 100, 200, 300, 400 and 500 ms.
    assert_eq!(ticks, 5, "events: {events:?}");
    // Each message comes as soon as its last byte has: "one" at 95 ms,
    // "two" at 215, "three" at 395 and "four" at 545, between the ticks.
    let tick = || Event::Tick;
    let in_time = [
        message("one"),
        tick(),
        tick(),
        message("two"),
        tick(),
        message("three"),
        tick(),
        tick(),
        message("four"),
    ];
    assert_eq!(events, in_time, "a message waited after its last byte");
}
