//! The loops of the race, and what they share: the input thread that
//! replays the presses, and the handler.

// ANCHOR: shared
use std::cell::Cell;
use std::future::poll_fn;
use std::ops::ControlFlow;
use std::pin::pin;
use std::sync::Mutex;
use std::sync::mpsc::{self, TryRecvError};
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

/// One event that a loop handled.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Handled {
    /// The event's place in the schedule.
    pub number: usize,
    /// How long the event waited for its handler.
    pub latency: Duration,
    /// The turn of the loop that handled it, from 1.
    pub turn: usize,
}

/// What one loop did.
#[derive(Debug, Default)]
pub struct Run {
    pub handled: Vec<Handled>,
    /// The loop's turns: the polling loop's looks, the waker loop's polls.
    pub wakeups: usize,
}

impl Run {
    /// The handler every loop calls, in its turn `turn`. A game would move
    /// the character here; the race only notes how late the reaction comes.
    fn handle(&mut self, event: Event, turn: usize) {
        let latency = event.at.elapsed();
        let number = event.number;
        self.handled.push(Handled {
            number,
            latency,
            turn,
        });
    }
}
// ANCHOR_END: shared

// ANCHOR: polling
/// The clock of a polling loop: calls `look` at once, then once per
/// `period`, until `look` finds that the input has ended. Each call is a
/// turn of the loop, a wake-up, numbered from 1.
fn look_every(
    period: Duration,
    mut look: impl FnMut(&mut Run, usize) -> ControlFlow<()>,
) -> Run {
    let mut run = Run::default();
    let mut tick = Instant::now();
    for turn in 1.. {
        run.wakeups = turn;
        if look(&mut run, turn).is_break() {
            break;
        }
        tick += period;
        thread::sleep(tick.saturating_duration_since(Instant::now()));
    }
    run
}

/// The loop of the earlier chapters, given a queue: the input thread sends
/// every event through `std`'s channel, and once per `period` the loop
/// takes all that is waiting there, without ever waiting for more.
pub fn polling_loop(schedule: &[Press], period: Duration) -> Run {
    let (sender, events) = mpsc::channel();
    thread::scope(|scope| {
        // `move`: the thread owns the sender and drops it after the last
        // press, which closes the channel and ends the loop.
        scope.spawn(move || replay(schedule, |event| sender.send(event).unwrap()));
        look_every(period, |run, turn| {
            // Every event queued since the last look, oldest first.
            loop {
                match events.try_recv() {
                    Ok(event) => run.handle(event, turn),
                    // Nothing more for now: sleep until the next look.
                    Err(TryRecvError::Empty) => return ControlFlow::Continue(()),
                    // The input has ended, and the queue is empty.
                    Err(TryRecvError::Disconnected) => return ControlFlow::Break(()),
                }
            }
        })
    })
}
// ANCHOR_END: polling

// ANCHOR: waker
/// The loop of this chapter: the input thread sends each event through the
/// channel of `waker-executor` (`std`'s channel and a waker), and
/// `block_on` sleeps until that channel wakes it.
pub fn waker_loop(schedule: &[Press]) -> Run {
    let (sender, events) = channel();
    // The polls so far, which the task reads to note its turn.
    let polls = Cell::new(0);
    thread::scope(|scope| {
        scope.spawn(move || replay(schedule, |event| sender.send(event)));
        let mut task = pin!(async {
            let mut run = Run::default();
            while let Some(event) = events.recv().await {
                run.handle(event, polls.get());
            }
            run
        });
        // Counts each poll of the task before it runs.
        let mut run = block_on(poll_fn(|cx| {
            polls.set(polls.get() + 1);
            task.as_mut().poll(cx)
        }));
        run.wakeups = polls.get();
        run
    })
}
// ANCHOR_END: waker

// ANCHOR: slot
/// A key state: the latest press only. Each press replaces the one before
/// it, whether a loop took that one or not.
#[derive(Default)]
struct Slot {
    latest: Option<Event>,
    ended: bool,
}

/// The polling loop of the race on a slot instead of a queue: the same
/// clock, and at each look, the one press the slot holds, if any.
pub fn polling_loop_on_a_slot(schedule: &[Press], period: Duration) -> Run {
    let slot = Mutex::new(Slot::default());
    thread::scope(|scope| {
        scope.spawn(|| {
            replay(schedule, |event| slot.lock().unwrap().latest = Some(event));
            slot.lock().unwrap().ended = true;
        });
        look_every(period, |run, turn| {
            let mut slot = slot.lock().unwrap();
            if let Some(event) = slot.latest.take() {
                run.handle(event, turn);
            }
            if slot.ended {
                ControlFlow::Break(())
            } else {
                ControlFlow::Continue(())
            }
        })
    })
}
// ANCHOR_END: slot

#[cfg(test)]
mod tests {
    use super::*;

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
        run.handled.iter().map(|handled| handled.number).collect()
    }

    /// The turns in which the loop handled at least one event.
    fn busy_turns(run: &Run) -> usize {
        let mut turns: Vec<usize> = run.handled.iter().map(|h| h.turn).collect();
        turns.dedup();
        turns.len()
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
        assert!(
            run.handled
                .iter()
                .all(|h| (1..=run.wakeups).contains(&h.turn))
        );
    }

    #[test]
    fn the_polling_loop_on_a_queue_handles_every_event_several_per_look() {
        let run =
            within_a_minute(|| polling_loop(&burst(), Duration::from_millis(50)));
        assert_eq!(numbers(&run), (0..200).collect::<Vec<_>>());
        // Each look takes all the presses queued since the one before.
        assert!(busy_turns(&run) < 100, "{} busy looks", busy_turns(&run));
        assert!(
            run.handled
                .windows(2)
                .all(|pair| pair[0].turn <= pair[1].turn)
        );
        assert!(
            run.handled
                .iter()
                .all(|h| (1..=run.wakeups).contains(&h.turn))
        );
    }

    #[test]
    fn the_polling_loop_on_a_slot_loses_events_that_come_faster_than_it_looks() {
        let burst = burst();
        let period = Duration::from_millis(50);
        let run = within_a_minute(move || polling_loop_on_a_slot(&burst, period));
        let seen = numbers(&run);
        assert!(seen.len() < 200, "it saw all {} events", seen.len());
        assert!(seen.windows(2).all(|pair| pair[0] < pair[1]), "{seen:?}");
        // One event per look at most.
        assert_eq!(busy_turns(&run), seen.len());
        // The last press stays in the slot until the loop looks.
        assert_eq!(seen.last(), Some(&199));
    }

    #[test]
    fn every_loop_returns_at_once_when_there_is_no_input() {
        let run = within_a_minute(|| waker_loop(&[]));
        assert!(run.handled.is_empty());
        let period = Duration::from_millis(10);
        let run = within_a_minute(move || polling_loop(&[], period));
        assert!(run.handled.is_empty());
        let run = within_a_minute(move || polling_loop_on_a_slot(&[], period));
        assert!(run.handled.is_empty());
    }
}
