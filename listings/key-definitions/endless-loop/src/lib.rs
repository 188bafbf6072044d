//! Helpers shared by the `busy` and `sleeping` binaries.

use std::fs;
use std::time::Duration;

use user_input::flags::{self, Flag, Flags};

/// How long a loop runs when `--seconds` is not given.
pub const DEFAULT_SECONDS: u64 = 5;

/// The one flag of both loops: `--seconds N`.
#[derive(Debug, PartialEq)]
struct Seconds(u64);

impl Default for Seconds {
    fn default() -> Self {
        Seconds(DEFAULT_SECONDS)
    }
}

impl Flags for Seconds {
    const FLAGS: &'static [Flag] = &[Flag {
        name: "--seconds",
        value: "N",
        help: "how long the loop runs before it reports, in whole seconds (default 5)",
    }];

    fn set(&mut self, name: &str, value: &str) -> Result<(), String> {
        self.0 = flags::whole_number(name, value, 1)?;
        Ok(())
    }
}

/// Reads `--seconds N` from the command line. `--help` prints the usage
/// and exits; on bad input, prints one error line and exits with code 2.
pub fn seconds_from_args() -> Duration {
    Duration::from_secs(flags::from_env::<Seconds>().0)
}

// ANCHOR: cpu_time
/// CPU time used so far by this process, if the system tells us.
///
/// The standard library has no API for it. On Linux, each thread's
/// `/proc/self/task/<tid>/schedstat` starts with the nanoseconds that
/// thread has spent on a CPU; we add them up. Threads that have already
/// exited are not counted, which is fine for these one-thread loops.
/// Anywhere else, `None`.
pub fn cpu_time() -> Option<Duration> {
    let mut nanos: u64 = 0;
    for entry in fs::read_dir("/proc/self/task").ok()? {
        let stat = fs::read_to_string(entry.ok()?.path().join("schedstat")).ok()?;
        nanos += stat.split_whitespace().next()?.parse::<u64>().ok()?;
    }
    Some(Duration::from_nanos(nanos))
}
// ANCHOR_END: cpu_time

/// Prints what a loop cost: the wall time, the CPU time used since
/// `cpu_at_start` (a reading of `cpu_time()`), and the loop turns.
pub fn report(wall: Duration, cpu_at_start: Option<Duration>, turns: u64) {
    let wall_ms = wall.as_secs_f64() * 1e3;
    println!("wall time: {wall_ms:.1} ms");
    match cpu_at_start.zip(cpu_time()) {
        Some((before, after)) => {
            let cpu_ms = (after - before).as_secs_f64() * 1e3;
            let share = 100.0 * cpu_ms / wall_ms;
            println!("CPU time:  {cpu_ms:.1} ms ({share:.2}% of the wall time)");
        }
        None => println!("CPU time:  not available on this system"),
    }
    println!("loop turns: {turns}");
}

#[cfg(test)]
mod tests {
    use super::*;
    use user_input::flags::Request;

    fn parse(args: &[&str]) -> Result<Request<Seconds>, String> {
        flags::parse(args.iter().map(|a| a.to_string()))
    }

    #[test]
    fn default_and_explicit_seconds() {
        assert_eq!(parse(&[]), Ok(Request::Run(Seconds(DEFAULT_SECONDS))));
        assert_eq!(parse(&["--seconds", "3"]), Ok(Request::Run(Seconds(3))));
    }

    #[test]
    fn bad_seconds() {
        for bad in ["0", "-1", "abc", "1.5", ""] {
            assert!(parse(&["--seconds", bad]).is_err(), "{bad:?}");
        }
        assert!(parse(&["--seconds"]).is_err());
        assert!(parse(&["--fast"]).is_err());
    }
}
