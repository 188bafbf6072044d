//! Replays the same key presses to the polling loop and to the waker loop,
//! and prints what each made of them.

use std::time::Duration;

use loop_race::{Figures, Settings, polling_loop, schedule, waker_loop};

fn main() {
    let settings = Settings::from_env();
    let seed = settings.seed.unwrap_or_else(rand::random);
    let presses = schedule(seed, settings.events, settings.mean_gap);
    let poll = settings.poll_period;

    let span = presses.last().map_or(Duration::ZERO, |press| press.at);
    let mut previous = Duration::ZERO;
    let short = presses
        .iter()
        .filter(|press| {
            let gap = press.at - previous;
            previous = press.at;
            gap < poll
        })
        .count();
    println!(
        "input: {} presses in {:.2} s from seed {seed}; {short} gaps shorter than {:.3} s",
        presses.len(),
        span.as_secs_f64(),
        poll.as_secs_f64()
    );

    // One loop after the other, so that they do not compete for the cores.
    let polling = Figures::of(&polling_loop(&presses, poll), presses.len());
    let waker = Figures::of(&waker_loop(&presses), presses.len());

    let looks = format!("polling loop, looking every {:.3} s:", poll.as_secs_f64());
    print_figures(&looks, &polling);
    print_figures("waker loop, asleep until woken:", &waker);

    let secs = Duration::as_secs_f64;
    println!("polling loop / waker loop:");
    let median = secs(&polling.median) / secs(&waker.median);
    println!("  median latency:          {median:8.1}");
    let p99 = secs(&polling.p99) / secs(&waker.p99);
    println!("  99th percentile latency: {p99:8.1}");
    let wakeups = polling.wakeups_per_event / waker.wakeups_per_event;
    println!("  wake-ups per event:      {wakeups:8.2}");
}

fn print_figures(title: &str, figures: &Figures) {
    let ms = |latency: Duration| latency.as_secs_f64() * 1000.0;
    println!("{title}");
    println!(
        "  events received: {}, lost: {}",
        figures.received, figures.lost
    );
    println!(
        "  reaction latency: median {:.3} ms, 99th percentile {:.3} ms",
        ms(figures.median),
        ms(figures.p99)
    );
    println!("  wake-ups per event: {:.2}", figures.wakeups_per_event);
}
