use endless_loop::{cpu_time, report, seconds_from_args};
use std::thread;
use std::time::{Duration, Instant};

fn main() {
    let limit = seconds_from_args();
    let seconds = limit.as_secs();
    println!("sleeping loop: sleeps 1 s per turn, for {seconds} s");

    let start = Instant::now();
    let cpu_at_start = cpu_time();
    let mut turns: u64 = 0;
    loop {
        // The thread leaves the CPU until the timer wakes it up.
        thread::sleep(Duration::from_secs(1));
        turns += 1;
        if start.elapsed() >= limit {
            break;
        }
    }

    report(start.elapsed(), cpu_at_start, turns);
}
