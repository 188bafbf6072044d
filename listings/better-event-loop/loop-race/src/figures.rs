//! The figures the race prints for each loop.

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
    /// Reaction latency, from the event to its handler: the median...
    pub median: Duration,
    /// ...and the 99th percentile. Lost events have none.
    pub p99: Duration,
    /// The loop's turns per event handled.
    pub wakeups_per_event: f64,
}

impl Figures {
    pub fn of(run: &Run, produced: usize) -> Figures {
        let mut latencies: Vec<Duration> =
            run.handled.iter().map(|&(_, latency)| latency).collect();
        latencies.sort();
        let received = latencies.len();
        Figures {
            produced,
            received,
            lost: produced - received,
            median: percentile(&latencies, 50.0),
            p99: percentile(&latencies, 99.0),
            wakeups_per_event: run.wakeups as f64 / received as f64,
        }
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
    fn figures_count_the_lost_events_and_the_turns_per_event() {
        let run = Run {
            handled: vec![
                (0, Duration::from_millis(30)),
                (3, Duration::from_millis(10)),
                (4, Duration::from_millis(20)),
            ],
            wakeups: 6,
        };
        let figures = Figures::of(&run, 5);
        assert_eq!((figures.received, figures.lost), (3, 2));
        assert_eq!(figures.median, Duration::from_millis(20));
        assert_eq!(figures.p99, Duration::from_millis(30));
        assert_eq!(figures.wakeups_per_event, 2.0);
    }
}
