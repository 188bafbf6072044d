//! `cargo bench -p loop-race`: the race of `loop-race` with its default
//! settings, once for each of seven seeds, then the median of each column.
//! It takes under a minute; keep the machine otherwise idle.

use std::time::Duration;

use loop_race::{Figures, Settings, polling_loop, schedule, waker_loop};

fn main() {
    // `cargo bench` passes `--bench`. `cargo test --benches` does not, and
    // then one short race checks that the benchmark works.
    let benchmark = std::env::args().any(|arg| arg == "--bench");
    let mut settings = Settings::default();
    let seeds = if benchmark { 1..=7 } else { 1..=1 };
    if !benchmark {
        settings.events = 10;
        settings.mean_gap = Duration::from_millis(5);
    }

    println!("latencies in ms; wake: wake-ups; idle: those that found nothing");
    println!(
        "     |{:^40}|{:^40}| polling / waker",
        "polling loop", "waker loop"
    );
    let loop_columns = " lost    mean  median     p99 wake idle ";
    println!("seed |{loop_columns}|{loop_columns}| median    p99");
    let mut rows = Vec::new();
    for seed in seeds {
        let presses = schedule(seed, settings.events, settings.mean_gap);
        let polling = polling_loop(&presses, settings.poll_period);
        let polling = Figures::of(&polling, presses.len());
        let waker = Figures::of(&waker_loop(&presses), presses.len());
        let row = Row::new(&polling, &waker);
        println!("{seed:>4} | {row}");
        rows.push(row);
    }
    println!("med. | {}", Row::median(&rows));
}

/// One line of the table: six figures for each loop, then two ratios.
struct Row([f64; 14]);

impl Row {
    fn new(polling: &Figures, waker: &Figures) -> Row {
        let ms = |latency: Duration| latency.as_secs_f64() * 1000.0;
        let [p, w] = [polling, waker].map(|f| {
            [
                f.lost as f64,
                ms(f.mean),
                ms(f.median),
                ms(f.p99),
                f.wakeups as f64,
                f.idle as f64,
            ]
        });
        let ratios = [p[2] / w[2], p[3] / w[3]];
        let mut row = [0.0; 14];
        row[..6].copy_from_slice(&p);
        row[6..12].copy_from_slice(&w);
        row[12..].copy_from_slice(&ratios);
        Row(row)
    }

    /// The median of each column, taken separately.
    fn median(rows: &[Row]) -> Row {
        Row(std::array::from_fn(|column| {
            let mut values: Vec<f64> =
                rows.iter().map(|row| row.0[column]).collect();
            values.sort_by(f64::total_cmp);
            let middle = values.len() / 2;
            if values.len() % 2 == 1 {
                values[middle]
            } else {
                (values[middle - 1] + values[middle]) / 2.0
            }
        }))
    }
}

impl std::fmt::Display for Row {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let figures = |loop_figures: &[f64]| {
            let [lost, mean, median, p99, wake, idle] = loop_figures else {
                unreachable!("six figures per loop")
            };
            format!(
                "{lost:>4.0} {mean:>7.3} {median:>7.3} {p99:>7.3} {wake:>4.0} {idle:>4.0}"
            )
        };
        let polling = figures(&self.0[..6]);
        let waker = figures(&self.0[6..12]);
        let [rm, rp] = [self.0[12], self.0[13]];
        write!(f, "{polling} | {waker} | {rm:>6.0} {rp:>6.0}")
    }
}
