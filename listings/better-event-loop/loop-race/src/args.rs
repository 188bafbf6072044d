//! The flags of the race.

use std::time::Duration;

use user_input::flags::{self, Flag, Flags};

/// `--seed N`, `--events N`, `--gap SECONDS` and `--poll-period SECONDS`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Settings {
    /// The seed of the presses; a random one if none was given.
    pub seed: Option<u64>,
    /// How many keys are pressed.
    pub events: usize,
    /// The mean gap between two presses.
    pub mean_gap: Duration,
    /// How often the polling loop looks.
    pub poll_period: Duration,
}

impl Default for Settings {
    /// Presses twice as fast as the polling loop looks, on average.
    fn default() -> Self {
        Settings {
            seed: None,
            events: 50,
            mean_gap: Duration::from_millis(50),
            poll_period: Duration::from_millis(100),
        }
    }
}

impl Settings {
    /// The flags this process was started with. `--help` prints the usage
    /// and exits; on bad input, prints one `error: ...` line to stderr and
    /// exits with code 2.
    pub fn from_env() -> Settings {
        flags::from_env()
    }
}

impl Flags for Settings {
    const FLAGS: &'static [Flag] = &[
        Flag {
            name: "--seed",
            value: "N",
            help: "the same N gives the same presses on every run (default: random)",
        },
        Flag {
            name: "--events",
            value: "N",
            help: "how many keys are pressed (default 50)",
        },
        Flag {
            name: "--gap",
            value: "SECONDS",
            help: "the mean time between two presses (default 0.05)",
        },
        Flag {
            name: "--poll-period",
            value: "SECONDS",
            help: "how often the polling loop looks (default 0.1)",
        },
    ];

    fn set(&mut self, name: &str, value: &str) -> Result<(), String> {
        // Long enough to sleep for, short enough that the run ends.
        let sleepable = Duration::from_millis(1)..=Duration::from_secs(60);
        match name {
            "--seed" => self.seed = Some(flags::seed(name, value)?),
            "--events" => {
                let events = flags::whole_number(name, value, 1)?;
                self.events = usize::try_from(events).map_err(|_| {
                    format!("--events needs a smaller number, got {value:?}")
                })?;
            }
            "--gap" => self.mean_gap = flags::seconds(name, value, sleepable)?,
            _ => self.poll_period = flags::seconds(name, value, sleepable)?,
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use user_input::flags::Request;

    fn parse(args: &[&str]) -> Result<Settings, String> {
        match flags::parse(args.iter().map(|arg| arg.to_string()))? {
            Request::Run(settings) => Ok(settings),
            Request::Help => Err("help".into()),
        }
    }

    #[test]
    fn no_flags_give_the_defaults() {
        assert_eq!(parse(&[]), Ok(Settings::default()));
        assert_eq!(Settings::default().poll_period, Duration::from_millis(100));
    }

    #[test]
    fn every_flag_in_any_order() {
        let expected = Settings {
            seed: Some(9),
            events: 1000,
            mean_gap: Duration::from_millis(20),
            poll_period: Duration::from_millis(5),
        };
        let flags = [
            ["--seed", "9"],
            ["--events", "1000"],
            ["--gap", "0.02"],
            ["--poll-period", "0.005"],
        ];
        assert_eq!(parse(&flags.concat()), Ok(expected));
        let reversed: Vec<[&str; 2]> = flags.into_iter().rev().collect();
        assert_eq!(parse(&reversed.concat()), Ok(expected));
    }

    #[test]
    fn bad_values_are_refused_in_one_line() {
        let bad: &[(&[&str], &str)] = &[
            (&["--seed", "-1"], "--seed needs a whole number"),
            (
                &["--events", "0"],
                "--events needs a whole number, 1 or more",
            ),
            (&["--events", "2.5"], "--events needs a whole number"),
            (&["--gap", "0"], "--gap needs a number of seconds"),
            (&["--gap", "61"], "--gap needs a number of seconds"),
            (&["--poll-period", "-0.1"], "--poll-period needs a number"),
            (&["--poll-period", "NaN"], "--poll-period needs a number"),
            (&["--poll-period", "1\n2"], "--poll-period needs a number"),
            (&["--gap"], "--gap needs a value"),
            (&["--period", "1"], "unknown argument \"--period\""),
            (
                &["--events", "99999999999999999999"],
                "--events needs a whole",
            ),
        ];
        for (args, start) in bad {
            let error = parse(args).unwrap_err();
            assert!(error.starts_with(start), "{args:?}: {error}");
            assert_eq!(error.lines().count(), 1, "{args:?}: {error}");
        }
    }
}
