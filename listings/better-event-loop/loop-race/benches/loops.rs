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

    println!(
        "     |{:^33}|{:^33}| polling / waker",
        "polling loop", "waker loop"
    );
    let loop_columns = " lost    median        p99  wake ";
    println!("seed |{loop_columns}|{loop_columns}| median    p99  wake");
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

/// One line of the table: four figures for each loop, then three ratios.
struct Row([f64; 11]);

impl Row {
    fn new(polling: &Figures, waker: &Figures) -> Row {
        let ms = |latency: Duration| latency.as_secs_f64() * 1000.0;
        let [p, w] = [polling, waker]
            .map(|f| [f.lost as f64, ms(f.median), ms(f.p99), f.wakeups_per_event]);
        let ratios = [p[1] / w[1], p[2] / w[2], p[3] / w[3]];
        let mut row = [0.0; 11];
        row[..4].copy_from_slice(&p);
        row[4..8].copy_from_slice(&w);
        row[8..].copy_from_slice(&ratios);
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
        let [pl, pm, pp, pw, wl, wm, wp, ww, rm, rp, rw] = self.0;
        let figures = |lost: f64, median: f64, p99: f64, wake: f64| {
            format!("{lost:>4.0} {median:>6.3} ms {p99:>7.3} ms {wake:>5.2}")
        };
        let polling = figures(pl, pm, pp, pw);
        let waker = figures(wl, wm, wp, ww);
        write!(f, "{polling} | {waker} | {rm:>6.0} {rp:>6.0} {rw:>5.2}")
    }
}
