//! Three tasks on one thread: two characters that walk at their own pace,
//! and a ticker. The executor polls a task only when its timer woke it.

use std::time::Duration;

use run_queue::{Clock, Executor};
use user_input::flags::{self, Flag, Flags};

// ANCHOR: main
fn main() {
    let settings: Settings = flags::from_env();
    let mut executor = Executor::new(settings.tick);
    let clock = executor.clock();
    executor.spawn("a", walk("a", "⇑⟹⇓", 2, clock.clone()));
    executor.spawn("b", walk("b", "⟹⟹", 3, clock.clone()));
    executor.spawn("ticker", ticker(5, 2, clock));
    for task in executor.run() {
        println!(
            "{}: polled {} times, woken {} times",
            task.name, task.polls, task.wakes
        );
    }
}

/// A character that takes one step of `keys` every `every` ticks.
async fn walk(name: &str, keys: &str, every: u64, clock: Clock) {
    let (mut x, mut y) = (0, 0);
    for key in keys.chars() {
        clock.sleep(every).await;
        let (step, dx, dy) = match key {
            '⟹' => ("right", 1, 0),
            '⟸' => ("left", -1, 0),
            '⇑' => ("up", 0, 1),
            _ => ("down", 0, -1),
        };
        (x, y) = (x + dx, y + dy);
        println!("    {name}: {key} → {step}, now at ({x}, {y})");
    }
}

/// Says the time every `every` ticks, `times` times.
async fn ticker(every: u64, times: u32, clock: Clock) {
    for _ in 0..times {
        clock.sleep(every).await;
        println!("    ticker: it is tick {}", clock.now());
    }
}
// ANCHOR_END: main

/// `--tick SECONDS`: how long one tick of the clock lasts.
struct Settings {
    tick: Duration,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            tick: Duration::from_millis(200),
        }
    }
}

impl Flags for Settings {
    const FLAGS: &'static [Flag] = &[Flag {
        name: "--tick",
        value: "SECONDS",
        help: "how long one tick of the clock lasts (default 0.2, from 0.001 to 10); \
               the output is the same at any pace",
    }];

    fn set(&mut self, name: &str, value: &str) -> Result<(), String> {
        let range = Duration::from_millis(1)..=Duration::from_secs(10);
        self.tick = flags::seconds(name, value, range)?;
        Ok(())
    }
}
