//! The input of the race: when each key is pressed, drawn from a seed.

use std::time::Duration;

use rand::rngs::Xoshiro256PlusPlus;
use rand::seq::IndexedRandom;
use rand::{RngExt, SeedableRng};
use user_input::KEYS;

/// One key press: `at` after the start of the replay.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Press {
    pub at: Duration,
    pub key: char,
}

/// `events` key presses whose gaps are drawn at random, `mean_gap` apart on
/// average. The gaps follow an exponential distribution, the gaps between
/// presses that come independently of each other: mostly short gaps, and
/// now and then a long pause.
pub fn schedule(seed: u64, events: usize, mean_gap: Duration) -> Vec<Press> {
    let mut rng = Xoshiro256PlusPlus::seed_from_u64(seed);
    let mut at = Duration::ZERO;
    (0..events)
        .map(|_| {
            // u is in [0, 1), so 1 - u is never 0 and the log is finite.
            let u: f64 = rng.random();
            at += mean_gap.mul_f64(-(1.0 - u).ln());
            let key = *KEYS.choose(&mut rng).expect("there are keys");
            Press { at, key }
        })
        .collect()
}

/// One line on `presses`, drawn from `seed`: how many, over how long, and
/// how many of their gaps are shorter than `period`.
pub fn describe(presses: &[Press], seed: u64, period: Duration) -> String {
    let span = presses.last().map_or(Duration::ZERO, |press| press.at);
    let mut previous = Duration::ZERO;
    let short = presses
        .iter()
        .filter(|press| {
            let gap = press.at - previous;
            previous = press.at;
            gap < period
        })
        .count();
    format!(
        "input: {} presses in {:.2} s from seed {seed}; \
         {short} gaps shorter than {:.3} s",
        presses.len(),
        span.as_secs_f64(),
        period.as_secs_f64()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    const GAP: Duration = Duration::from_millis(50);

    fn gaps(presses: &[Press]) -> Vec<Duration> {
        let mut last = Duration::ZERO;
        presses
            .iter()
            .map(|press| {
                let gap = press.at - last;
                last = press.at;
                gap
            })
            .collect()
    }

    #[test]
    fn the_same_seed_gives_the_same_presses() {
        assert_eq!(schedule(3, 100, GAP), schedule(3, 100, GAP));
        assert_ne!(schedule(3, 100, GAP), schedule(4, 100, GAP));
        assert_eq!(schedule(3, 0, GAP), []);
    }

    #[test]
    fn presses_come_in_order_with_the_mean_gap_asked_for() {
        let presses = schedule(1, 10_000, GAP);
        assert!(presses.windows(2).all(|pair| pair[0].at <= pair[1].at));
        let mean = presses.last().unwrap().at / 10_000;
        let ms = mean.as_secs_f64() * 1000.0;
        assert!((47.5..=52.5).contains(&ms), "mean gap {ms} ms");
        for key in KEYS {
            let count = presses.iter().filter(|press| press.key == key).count();
            assert!((2_300..=2_700).contains(&count), "{key}: {count}");
        }
    }

    #[test]
    fn the_input_is_described_in_one_line() {
        let ms = Duration::from_millis;
        let presses = [ms(30), ms(80), ms(300)].map(|at| Press { at, key: '⇑' });
        assert_eq!(
            describe(&presses, 5, ms(100)),
            "input: 3 presses in 0.30 s from seed 5; 2 gaps shorter than 0.100 s"
        );
    }

    /// The default race: most gaps are shorter than the polling period.
    #[test]
    fn most_gaps_are_shorter_than_a_tenth_of_a_second() {
        for seed in 0..20 {
            let gaps = gaps(&schedule(seed, 50, GAP));
            let short = gaps.iter().filter(|gap| gap.as_millis() < 100).count();
            assert!(short >= 35, "seed {seed}: {short} short gaps of 50");
        }
    }
}
