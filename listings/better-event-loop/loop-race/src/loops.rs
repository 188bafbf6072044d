//! The two loops of the race, and what they share: the input thread that
//! replays the presses, and the handler.

// ANCHOR: shared
use std::future::poll_fn;
use std::pin::pin;
use std::sync::Mutex;
use std::thread;
use std::time::{Duration, Instant};

use waker_executor::{block_on, channel};

use crate::schedule::Press;

/// A key press as the loops see it.
#[derive(Debug, Clone, Copy)]
pub struct Event {
    /// Its place in the schedule, from 0.
    pub number: usize,
    pub key: char,
    /// When it happened.
    pub at: Instant,
}

/// Plays `schedule` in real time: at the time of each press, stamps an
/// event with the instant and hands it to `publish`.
pub fn replay(schedule: &[Press], mut publish: impl FnMut(Event)) {
    let start = Instant::now();
    for (number, press) in schedule.iter().enumerate() {
        thread::sleep((start + press.at).saturating_duration_since(Instant::now()));
        let key = press.key;
        publish(Event {
            number,
            key,
            at: Instant::now(),
        });
    }
}

/// What one loop did.
#[derive(Debug, Default)]
pub struct Run {
    /// Each event handled, with how long it waited for its handler.
    pub handled: Vec<(usize, Duration)>,
    /// The loop's turns: the polling loop's looks, the waker loop's polls.
    pub wakeups: usize,
}

impl Run {
    /// The handler both loops call. A game would move the character here;
    /// the race only notes how late the reaction comes.
    fn handle(&mut self, event: Event) {
        self.handled.push((event.number, event.at.elapsed()));
    }
}
// ANCHOR_END: shared

// ANCHOR: polling
/// The keyboard as a polling loop sees it: the latest press only, which
/// the next press replaces, looked at or not.
#[derive(Default)]
struct KeyState {
    latest: Option<Event>,
    ended: bool,
}

/// The loop of the earlier chapters: it looks once per `period`.
pub fn polling_loop(schedule: &[Press], period: Duration) -> Run {
    let state = Mutex::new(KeyState::default());
    let mut run = Run::default();
    thread::scope(|scope| {
        scope.spawn(|| {
            replay(schedule, |event| state.lock().unwrap().latest = Some(event));
            state.lock().unwrap().ended = true;
        });
        let mut tick = Instant::now();
        loop {
            run.wakeups += 1;
            let (latest, ended) = {
                let mut keys = state.lock().unwrap();
                (keys.latest.take(), keys.ended)
            };
            if let Some(event) = latest {
                run.handle(event);
            }
            if ended {
                break;
            }
            tick += period;
            thread::sleep(tick.saturating_duration_since(Instant::now()));
        }
    });
    run
}
// ANCHOR_END: polling

// ANCHOR: waker
/// The loop of this chapter: the input thread sends each event through the
/// channel of `waker-executor`, whose executor sleeps until it is woken.
pub fn waker_loop(schedule: &[Press]) -> Run {
    let (sender, events) = channel();
    thread::scope(|scope| {
        // `move`: the thread owns the sender and drops it after the last
        // press, which closes the channel and ends the task.
        scope.spawn(move || replay(schedule, |event| sender.send(event)));
        let mut task = pin!(async {
            let mut run = Run::default();
            while let Some(event) = events.recv().await {
                run.handle(event);
            }
            run
        });
        let mut polls = 0;
        let mut run = block_on(poll_fn(|cx| {
            polls += 1;
            task.as_mut().poll(cx)
        }));
        run.wakeups = polls;
        run
    })
}
// ANCHOR_END: waker

#[cfg(test)]
mod tests {
    use super::*;

    use std::sync::mpsc;

    use crate::schedule::schedule;

    /// Runs `race` on a thread of its own, and fails rather than hangs if it
    /// has not returned within a generous time.
    fn within_a_minute(race: impl FnOnce() -> Run + Send + 'static) -> Run {
        let (done, result) = mpsc::channel();
        thread::spawn(move || done.send(race()));
        result
            .recv_timeout(Duration::from_secs(60))
            .expect("the loop returned when the input ended")
    }

    fn numbers(run: &Run) -> Vec<usize> {
        run.handled.iter().map(|&(number, _)| number).collect()
    }

    /// 200 presses about a millisecond apart: far faster than either loop
    /// would want.
    fn burst() -> Vec<Press> {
        schedule(7, 200, Duration::from_millis(1))
    }

    #[test]
    fn the_waker_loop_handles_every_event_once_in_order_then_returns() {
        let run = within_a_minute(|| waker_loop(&burst()));
        assert_eq!(numbers(&run), (0..200).collect::<Vec<_>>());
        // A poll at the start, at most one per event, and one at the end;
        // on a busy machine the whole burst, and the channel's closing, may
        // come before the first poll, which then is the only one.
        assert!((1..=202).contains(&run.wakeups), "{} polls", run.wakeups);
    }

    #[test]
    fn the_polling_loop_loses_events_that_come_faster_than_it_looks() {
        let run =
            within_a_minute(|| polling_loop(&burst(), Duration::from_millis(50)));
        let seen = numbers(&run);
        assert!(seen.len() < 200, "it saw all {} events", seen.len());
        assert!(seen.windows(2).all(|pair| pair[0] < pair[1]), "{seen:?}");
        // The last press stays in the key state until the loop looks.
        assert_eq!(seen.last(), Some(&199));
    }

    #[test]
    fn both_loops_return_at_once_when_there_is_no_input() {
        let run = within_a_minute(|| waker_loop(&[]));
        assert!(run.handled.is_empty());
        let run = within_a_minute(|| polling_loop(&[], Duration::from_millis(10)));
        assert!(run.handled.is_empty());
    }
}
