//! The figures the race prints for each loop.

use std::fmt;
use std::time::Duration;

use crate::loops::Run;

/// What a loop made of its input.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Figures {
    /// Events the input thread produced.
    pub produced: usize,
    /// Events the loop handled.
    pub received: usize,
    /// Events the loop never saw.
    pub lost: usize,
    /// Reaction latency, from the event to its handler: the mean, the
    /// median...
    pub mean: Duration,
    pub median: Duration,
    /// ...and the 99th percentile. Lost events have none.
    pub p99: Duration,
    /// The loop's turns...
    pub wakeups: usize,
    /// ...and those that handled no event: wake-ups for nothing.
    pub idle: usize,
}

impl Figures {
    pub fn of(run: &Run, produced: usize) -> Figures {
        let mut latencies: Vec<Duration> =
            run.handled.iter().map(|handled| handled.latency).collect();
        latencies.sort();
        let received = latencies.len();
        let mut busy: Vec<usize> = run.handled.iter().map(|h| h.turn).collect();
        busy.sort();
        busy.dedup();
        Figures {
            produced,
            received,
            lost: produced - received,
            mean: latencies
                .iter()
                .sum::<Duration>()
                .checked_div(received as u32)
                .unwrap_or_default(),
            median: percentile(&latencies, 50.0),
            p99: percentile(&latencies, 99.0),
            wakeups: run.wakeups,
            idle: run.wakeups - busy.len(),
        }
    }
}

impl fmt::Display for Figures {
    /// Three indented lines: events, latency and wake-ups.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let ms = |latency: Duration| latency.as_secs_f64() * 1000.0;
        writeln!(
            f,
            "  events received: {}, lost: {}",
            self.received, self.lost
        )?;
        writeln!(
            f,
            "  reaction latency: mean {:.3} ms, median {:.3} ms, \
             99th percentile {:.3} ms",
            ms(self.mean),
            ms(self.median),
            ms(self.p99)
        )?;
        write!(
            f,
            "  wake-ups: {}, of which {} found nothing",
            self.wakeups, self.idle
        )
    }
}

/// The nearest-rank percentile of `sorted`: the smallest value that `p`
/// percent of the values do not exceed. Zero if there are no values.
pub fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let rank = (p / 100.0 * sorted.len() as f64).ceil() as usize;
    sorted.get(rank.max(1) - 1).copied().unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::loops::Handled;

    fn ms(values: impl IntoIterator<Item = u64>) -> Vec<Duration> {
        values.into_iter().map(Duration::from_millis).collect()
    }

    #[test]
    fn nearest_rank_percentiles() {
        let values = ms(1..=100);
        assert_eq!(percentile(&values, 50.0), Duration::from_millis(50));
        assert_eq!(percentile(&values, 99.0), Duration::from_millis(99));
        // With 50 values, the 99th percentile is the largest one.
        let values = ms(1..=50);
        assert_eq!(percentile(&values, 50.0), Duration::from_millis(25));
        assert_eq!(percentile(&values, 99.0), Duration::from_millis(50));
        assert_eq!(percentile(&ms([7]), 50.0), Duration::from_millis(7));
        assert_eq!(percentile(&[], 50.0), Duration::ZERO);
    }

    #[test]
    fn figures_count_the_lost_events_and_the_turns_that_found_nothing() {
        let handled = |number, ms, turn| Handled {
            number,
            latency: Duration::from_millis(ms),
            turn,
        };
        let run = Run {
            // Turns 2 and 5 handled events; 1, 3, 4 and 6 found nothing.
            handled: vec![handled(0, 30, 2), handled(3, 10, 5), handled(4, 20, 5)],
            wakeups: 6,
        };
        let figures = Figures::of(&run, 5);
        assert_eq!((figures.received, figures.lost), (3, 2));
        assert_eq!(figures.mean, Duration::from_millis(20));
        assert_eq!(figures.median, Duration::from_millis(20));
        assert_eq!(figures.p99, Duration::from_millis(30));
        assert_eq!((figures.wakeups, figures.idle), (6, 4));
        assert_eq!(
            figures.to_string(),
            "  events received: 3, lost: 2\n\
             \x20 reaction latency: mean 20.000 ms, median 20.000 ms, \
             99th percentile 30.000 ms\n\
             \x20 wake-ups: 6, of which 4 found nothing"
        );
    }
}
