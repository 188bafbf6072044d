use endless_loop::{cpu_time, report, seconds_from_args};
use std::time::Instant;

fn main() {
    let limit = seconds_from_args();
    let seconds = limit.as_secs();
    println!("busy loop: never sleeps, for {seconds} s");

    let start = Instant::now();
    let cpu_at_start = cpu_time();
    let mut turns: u64 = 0;
    loop {
        // Nothing here waits: as soon as a turn ends, the next begins.
        if start.elapsed() >= limit {
            break;
        }
        turns += 1;
    }

    report(start.elapsed(), cpu_at_start, turns);
}
