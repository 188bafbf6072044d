//! What the two loops cost in CPU time. Their `--help` and bad flags are
//! tested once for every listing, in `book-tests` (`tests/src/flags.rs`).

use std::process::{Command, Output};

const BUSY: &str = env!("CARGO_BIN_EXE_busy");
const SLEEPING: &str = env!("CARGO_BIN_EXE_sleeping");

fn run(bin: &str, args: &[&str]) -> Output {
    Command::new(bin)
        .args(args)
        .output()
        .expect("the binary starts")
}

/// Runs a loop for `seconds`; returns (wall time, CPU time) in ms, or
/// `None` for the CPU time on systems that do not report it.
fn measure(bin: &str, seconds: u32) -> (f64, Option<f64>) {
    let out = run(bin, &["--seconds", &seconds.to_string()]);
    assert!(out.status.success(), "{bin}");
    let stdout = String::from_utf8(out.stdout).unwrap();
    let number_after = |label: &str| {
        let line = stdout.lines().find(|l| l.starts_with(label))?;
        line[label.len()..]
            .split_whitespace()
            .next()?
            .parse::<f64>()
            .ok()
    };
    let wall = number_after("wall time:").expect("a wall time line");
    let ms = f64::from(seconds) * 1000.0;
    assert!(wall >= ms, "{bin} stopped early: {stdout}");
    assert!(stdout.contains("loop turns: "), "{stdout}");
    (wall, number_after("CPU time:"))
}

/// Both loops run at the same time, so they share whatever load the machine
/// is under (`cargo xtask test` runs Chromium meanwhile): a share of a core
/// that holds on an idle machine may not hold then, but the ratio does.
#[test]
fn the_busy_loop_uses_ten_times_the_cpu_of_the_sleeping_loop() {
    /// How long each loop runs, in seconds.
    const SECONDS: u32 = 2;
    /// The busy loop's CPU time must be at least this many times the
    /// sleeping loop's.
    const RATIO: u32 = 10;
    /// The sleeping loop may use at most this share of its wall time as CPU
    /// time, in percent.
    const MAX_PERCENT: u32 = 5;
    let busy = std::thread::spawn(|| measure(BUSY, SECONDS));
    let (wall, sleeping) = measure(SLEEPING, SECONDS);
    let (_, busy) = busy.join().unwrap();
    if let (Some(busy), Some(sleeping)) = (busy, sleeping) {
        assert!(
            busy > 0.0 && busy >= f64::from(RATIO) * sleeping,
            "busy: {busy} ms of CPU, sleeping: {sleeping} ms"
        );
        assert!(
            sleeping * 100.0 <= f64::from(MAX_PERCENT) * wall,
            "sleeping: {sleeping} ms of CPU in {wall} ms"
        );
    }
}
