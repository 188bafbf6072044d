//! A simulated keyboard, shared by the listings of the course: once per
//! period it reports one of four arrow keys, or nothing.

mod args;
pub mod flags;

pub use args::Args;

// ANCHOR: user_input
use std::time::{Duration, Instant};

use rand::rngs::Xoshiro256PlusPlus;
use rand::seq::IndexedRandom;
use rand::{RngExt, SeedableRng};

/// The keys the simulated user presses: right, left, up and down.
pub const KEYS: [char; 4] = ['⟹', '⟸', '⇑', '⇓'];

/// The chance that a key is down during one period.
pub const PRESS_PROBABILITY: f64 = 0.3;

/// A keyboard whose user, in each period, presses one of `KEYS` or nothing.
pub struct UserInput {
    period: Duration,
    /// When the first period began. Each late read moves it on (see
    /// `catch_up`).
    start: Instant,
    // Named after its algorithm, so a seed gives the same keys everywhere.
    rng: Xoshiro256PlusPlus,
    /// How many periods came before the current one: 0 in the first.
    current: u64,
    /// What the user does in the current period.
    key: Option<char>,
    /// Whether a read has already returned `key`.
    seen: bool,
}

impl UserInput {
    /// A keyboard whose first period starts now. A seed makes every run
    /// report the same keys; without one, the OS provides the randomness.
    ///
    /// # Panics
    ///
    /// If `period` is zero.
    pub fn new(period: Duration, seed: Option<u64>) -> Self {
        assert!(!period.is_zero(), "the period must be longer than zero");
        let mut rng = match seed {
            Some(seed) => Xoshiro256PlusPlus::seed_from_u64(seed),
            None => rand::make_rng(),
        };
        let key = press(&mut rng);
        let start = Instant::now();
        UserInput {
            period,
            start,
            rng,
            current: 0,
            key,
            seen: false,
        }
    }

    /// The length of one period.
    pub fn period(&self) -> Duration {
        self.period
    }

    /// The key the user holds down now, or `None`. Reading again within the
    /// same period gives the same answer.
    pub fn get_key(&mut self) -> Option<char> {
        self.get_key_at(Instant::now())
    }

    fn get_key_at(&mut self, time: Instant) -> Option<char> {
        let unread = self.catch_up(time);
        if unread > 0 {
            let periods = if unread == 1 { "period" } else { "periods" };
            eprintln!("warning: {unread} {periods} went unread; events may be lost");
        }
        self.seen = true;
        self.key
    }

    /// Makes the user's choice for every period that began since the last
    /// read, one after the other, so the keys depend on the seed alone and
    /// not on when the reads come. Returns how many choices nobody saw.
    ///
    /// The keyboard keeps a virtual clock: when the first read of a period
    /// comes late, the periods from then on start at that read. A loop that
    /// sleeps a period per turn wakes a little late each time; without this,
    /// the delays would add up until a read landed in the wrong period.
    fn catch_up(&mut self, time: Instant) -> u64 {
        let target = self.period_at(time);
        if target > self.current {
            let periods = u32::try_from(target).unwrap_or(u32::MAX);
            let tick = self.start + self.period.saturating_mul(periods);
            if let Some(late) = time.checked_duration_since(tick) {
                self.start += late;
            }
        }
        let mut unread = 0;
        while self.current < target {
            if !self.seen {
                unread += 1;
            }
            self.key = press(&mut self.rng);
            self.current += 1;
            self.seen = false;
        }
        unread
    }

    /// The period that `time` falls in, where each period begins a tenth of
    /// a period early. A loop that reads the wall clock and sleeps a period
    /// per turn never wakes early, but often a little late: its reads still
    /// land in the periods they were meant for.
    fn period_at(&self, time: Instant) -> u64 {
        let elapsed = time.saturating_duration_since(self.start) + self.period / 10;
        let periods = elapsed.as_nanos() / self.period.as_nanos();
        u64::try_from(periods).unwrap_or(u64::MAX)
    }
}

/// One period's choice: a key 30% of the time, otherwise nothing.
fn press(rng: &mut Xoshiro256PlusPlus) -> Option<char> {
    if rng.random_bool(PRESS_PROBABILITY) {
        KEYS.choose(rng).copied()
    } else {
        None
    }
}
// ANCHOR_END: user_input

/// For the listings' tests: runs `program` with `args` until no read came
/// late, five times at most, and returns the last run. A busy machine can
/// wake a loop so late that a period goes unread, and the keyboard then
/// says so on stderr: that run tells nothing about the listing's code.
pub fn run_on_time(program: &str, args: &[&str]) -> std::process::Output {
    let run = || {
        std::process::Command::new(program)
            .args(args)
            .output()
            .unwrap_or_else(|error| panic!("{program} does not start: {error}"))
    };
    let mut output = run();
    for _ in 0..4 {
        if !String::from_utf8_lossy(&output.stderr).contains("went unread") {
            break;
        }
        output = run();
    }
    output
}

/// For the listings' tests: the lines that `program` prints when run with
/// `args`. A test that checks what a run printed needs the run to have
/// succeeded and warned of nothing, so this panics, naming the command and
/// its stderr, if it fails or writes anything on stderr.
pub fn quiet_run_lines(program: &str, args: &[&str]) -> Vec<String> {
    let output = std::process::Command::new(program)
        .args(args)
        .output()
        .unwrap_or_else(|error| panic!("{program} does not start: {error}"));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        output.status.success(),
        "{program} {args:?}: {}, stderr: {stderr}",
        output.status
    );
    assert!(
        stderr.is_empty(),
        "{program} {args:?} wrote on stderr: {stderr}"
    );
    let stdout = String::from_utf8(output.stdout).unwrap_or_else(|error| {
        panic!("{program} {args:?} wrote no UTF-8: {error}")
    });
    stdout.lines().map(String::from).collect()
}

/// For the listings' tests: where `line` is in `lines`. A test compares
/// these indices to check the order of events; a line that is missing is a
/// failure of its own, so this panics, showing all the lines.
pub fn line_at(lines: &[String], line: &str) -> usize {
    lines
        .iter()
        .position(|l| l == line)
        .unwrap_or_else(|| panic!("no line {line:?} in {lines:?}"))
}

/// For the listings' tests: the lines of the part of a run that starts
/// with the line `heading`, up to the next part's heading (a line that
/// starts with `--`) or the end.
pub fn part<'a>(lines: &'a [String], heading: &str) -> &'a [String] {
    let from = line_at(lines, heading) + 1;
    let len = lines[from..]
        .iter()
        .take_while(|l| !l.starts_with("--"))
        .count();
    &lines[from..from + len]
}

/// For the listings' tests: `line` without its leading spaces, with each
/// run of digits written `N`, to compare a run on the real clock with one
/// on the paused clock.
pub fn masked(line: &str) -> String {
    let mut out = String::new();
    for c in line.trim_start().chars() {
        if !c.is_ascii_digit() {
            out.push(c);
        } else if !out.ends_with('N') {
            out.push('N');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const PERIOD: Duration = Duration::from_millis(100);

    /// Reads `input` at each of `times`, checking that no read is late.
    fn read_at(input: &mut UserInput, times: &[Instant]) -> Vec<Option<char>> {
        let mut keys = Vec::new();
        for (n, &now) in times.iter().enumerate() {
            assert_eq!(input.catch_up(now), 0, "read {n} came late");
            keys.push(input.get_key_at(now));
        }
        keys
    }

    /// The first `count` ticks of a keyboard, each shifted by `offset` periods
    /// (but never before the start).
    fn ticks(input: &UserInput, count: u32, offset: f64) -> Vec<Instant> {
        let shifted =
            |n| input.start + PERIOD.mul_f64((f64::from(n) + offset).max(0.0));
        (0..count).map(shifted).collect()
    }

    fn keys(seed: u64, count: u32) -> Vec<Option<char>> {
        let mut input = UserInput::new(PERIOD, Some(seed));
        let times = ticks(&input, count, 0.0);
        read_at(&mut input, &times)
    }

    #[test]
    fn about_thirty_percent_of_periods_have_a_key() {
        let keys = keys(1, 10_000);
        let pressed = keys.iter().flatten().count();
        assert!(
            (2_700..=3_300).contains(&pressed),
            "{pressed} keys in 10000"
        );
        for key in KEYS {
            let count = keys.iter().filter(|&&k| k == Some(key)).count();
            assert!((600..=900).contains(&count), "{key} pressed {count} times");
        }
    }

    #[test]
    fn the_same_seed_gives_the_same_keys() {
        assert_eq!(keys(7, 200), keys(7, 200));
        assert_ne!(keys(7, 200), keys(8, 200));
    }

    #[test]
    fn late_reads_and_slightly_early_reads_count_for_the_intended_period() {
        let on_time = keys(3, 100);
        for offset in [-0.09, 0.05, 0.5, 0.89] {
            let mut input = UserInput::new(PERIOD, Some(3));
            let times = ticks(&input, 100, offset);
            assert_eq!(read_at(&mut input, &times), on_time, "offset {offset}");
        }
    }

    #[test]
    fn reads_whose_delays_add_up_still_read_every_period() {
        let on_time = keys(4, 100);
        let mut input = UserInput::new(PERIOD, Some(4));
        // Each turn sleeps a period and wakes 5% of a period late: by the
        // end, the reads are five periods behind the first clock.
        let mut now = input.start;
        let mut read = Vec::new();
        for _ in 0..100 {
            assert_eq!(input.catch_up(now), 0);
            read.push(input.get_key_at(now));
            now += PERIOD.mul_f64(1.05);
        }
        assert_eq!(read, on_time);
    }

    #[test]
    fn a_loop_less_than_nine_tenths_of_a_period_slow_loses_nothing() {
        // The virtual clock cannot tell a late wake-up from a slow loop: a
        // loop that takes 1.85 periods per turn still reads every period.
        let lost = |turn: f64| {
            let mut input = UserInput::new(PERIOD, Some(4));
            let mut now = input.start;
            let mut lost = 0;
            for _ in 0..100 {
                lost += input.catch_up(now);
                input.get_key_at(now);
                now += PERIOD.mul_f64(turn);
            }
            lost
        };
        assert_eq!(lost(1.85), 0);
        assert!(lost(1.95) > 0);
    }

    #[test]
    fn a_loop_that_reads_twenty_times_a_period_sees_each_period_once() {
        let on_time = keys(6, 50);
        let mut input = UserInput::new(PERIOD, Some(6));
        let start = input.start;
        let mut read = Vec::new();
        for n in 0..50 * 20 {
            let key = input.get_key_at(start + PERIOD / 20 * n);
            if n % 20 == 0 {
                read.push(key);
            }
        }
        assert_eq!(read, on_time);
        assert_eq!(input.start, start, "reads that come early move no period");
    }

    #[test]
    fn a_new_period_begins_a_tenth_of_a_period_before_its_tick() {
        let mut input = UserInput::new(PERIOD, Some(3));
        let start = input.start;
        assert_eq!(input.period_at(start), 0);
        assert_eq!(input.period_at(start + PERIOD.mul_f64(0.89)), 0);
        assert_eq!(input.period_at(start + PERIOD.mul_f64(0.91)), 1);
        assert_eq!(input.period_at(start + PERIOD.mul_f64(1.89)), 1);
        assert_eq!(input.period_at(start + PERIOD.mul_f64(1.91)), 2);
        // A late read that lands in the next period but one has skipped one.
        input.get_key_at(start);
        assert_eq!(input.catch_up(start + PERIOD.mul_f64(1.91)), 1);
    }

    #[test]
    fn a_second_read_in_the_same_period_gives_the_same_key() {
        let mut input = UserInput::new(PERIOD, Some(5));
        for now in ticks(&input, 100, 0.0) {
            let key = input.get_key_at(now);
            assert_eq!(input.catch_up(now + PERIOD / 4), 0);
            assert_eq!(input.get_key_at(now + PERIOD / 4), key);
        }
    }

    #[test]
    fn late_reads_count_the_unread_periods_and_keep_the_sequence() {
        let every_period = keys(9, 14);
        let mut input = UserInput::new(PERIOD, Some(9));
        let start = input.start;
        assert_eq!(input.get_key_at(start), every_period[0]);
        // Three periods later: periods 1 and 2 went unread.
        let now = start + PERIOD * 3;
        assert_eq!(input.catch_up(now), 2);
        assert_eq!(input.get_key_at(now), every_period[3]);
        // Ten periods later: nine went unread.
        let now = start + PERIOD * 13;
        assert_eq!(input.catch_up(now), 9);
        assert_eq!(input.get_key_at(now), every_period[13]);
        // A first read that comes late has missed the first period too.
        let mut input = UserInput::new(PERIOD, Some(9));
        assert_eq!(input.catch_up(input.start + PERIOD * 2), 2);
    }

    #[test]
    #[should_panic(expected = "longer than zero")]
    fn a_zero_period_is_refused() {
        UserInput::new(Duration::ZERO, None);
    }

    #[test]
    fn line_at_gives_the_index_of_the_first_equal_line() {
        let lines = ["a", "b", "b"].map(String::from);
        assert_eq!(line_at(&lines, "b"), 1);
    }

    #[test]
    #[should_panic(expected = "no line \"c\" in [\"a\"]")]
    fn line_at_panics_with_the_lines_when_one_is_missing() {
        line_at(&[String::from("a")], "c");
    }

    #[test]
    fn quiet_run_lines_gives_the_lines_of_stdout() {
        let lines = quiet_run_lines("sh", &["-c", "echo a; echo b"]);
        assert_eq!(lines, ["a", "b"]);
    }

    #[test]
    #[should_panic(expected = "wrote on stderr")]
    fn quiet_run_lines_refuses_a_run_that_writes_on_stderr() {
        // A run that succeeds but warns: its output tells nothing.
        quiet_run_lines("sh", &["-c", "echo oops >&2"]);
    }

    #[test]
    #[should_panic(expected = "exit status: 3, stderr: why")]
    fn quiet_run_lines_refuses_a_run_that_fails() {
        quiet_run_lines("sh", &["-c", "echo why >&2; exit 3"]);
    }
}
