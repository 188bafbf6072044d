//! Replays the same key presses to the polling loop and to the waker loop,
//! both of which read a queue, and prints what each made of them.

use loop_race::{Figures, Settings, describe, polling_loop, schedule, waker_loop};

fn main() {
    let settings = Settings::from_env();
    let seed = settings.seed.unwrap_or_else(rand::random);
    let presses = schedule(seed, settings.events, settings.mean_gap);
    let poll = settings.poll_period;
    println!("{}", describe(&presses, seed, poll));

    // One loop after the other, so that they do not compete for the cores.
    let polling = Figures::of(&polling_loop(&presses, poll), presses.len());
    let waker = Figures::of(&waker_loop(&presses), presses.len());

    let secs = poll.as_secs_f64();
    println!("polling loop, taking what is queued every {secs:.3} s:\n{polling}");
    println!("waker loop, asleep until the channel wakes it:\n{waker}");

    let ratio = |p: std::time::Duration, w: std::time::Duration| {
        p.as_secs_f64() / w.as_secs_f64()
    };
    println!("polling loop / waker loop:");
    let median = ratio(polling.median, waker.median);
    println!("  median latency:          {median:8.1}");
    let p99 = ratio(polling.p99, waker.p99);
    println!("  99th percentile latency: {p99:8.1}");
}
