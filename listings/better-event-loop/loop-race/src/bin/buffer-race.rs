//! Replays the same key presses twice to the same polling loop: once
//! through a slot that holds the latest press only, once through a queue;
//! and prints what the loop made of each.

use loop_race::{
    Figures, Settings, describe, polling_loop, polling_loop_on_a_slot, schedule,
};

fn main() {
    let settings = Settings::from_env();
    let seed = settings.seed.unwrap_or_else(rand::random);
    let presses = schedule(seed, settings.events, settings.mean_gap);
    let poll = settings.poll_period;
    println!("{}", describe(&presses, seed, poll));

    let slot = polling_loop_on_a_slot(&presses, poll);
    let slot = Figures::of(&slot, presses.len());
    let queue = Figures::of(&polling_loop(&presses, poll), presses.len());

    let secs = poll.as_secs_f64();
    println!("the same polling loop, looking every {secs:.3} s, on two buffers:");
    println!("one slot, which each press overwrites:\n{slot}");
    println!("a queue, which keeps every press until it is taken:\n{queue}");
}
