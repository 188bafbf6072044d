//! The flags of the race.

use std::time::Duration;

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
    /// The flags this process was started with. On bad input, prints one
    /// `error: ...` line to stderr and exits with code 2.
    pub fn from_env() -> Settings {
        let args = std::env::args_os().skip(1);
        match Settings::parse(args.map(|arg| arg.to_string_lossy().into_owned())) {
            Ok(settings) => settings,
            Err(message) => {
                eprintln!("error: {message}");
                std::process::exit(2);
            }
        }
    }

    /// Parses the flags (without the program's name); the error is one line.
    pub fn parse(
        args: impl IntoIterator<Item = String>,
    ) -> Result<Settings, String> {
        let mut settings = Settings::default();
        let mut args = args.into_iter();
        while let Some(flag) = args.next() {
            let mut value =
                || args.next().ok_or_else(|| format!("{flag} needs a value"));
            match flag.as_str() {
                "--seed" => settings.seed = Some(parse_seed(&value()?)?),
                "--events" => settings.events = parse_events(&value()?)?,
                "--gap" => settings.mean_gap = parse_seconds(&flag, &value()?)?,
                "--poll-period" => {
                    settings.poll_period = parse_seconds(&flag, &value()?)?;
                }
                _ => return Err(format!("unknown argument {flag:?}")),
            }
        }
        Ok(settings)
    }
}

fn parse_seed(text: &str) -> Result<u64, String> {
    text.parse()
        .map_err(|_| format!("--seed needs a whole number, 0 or more, got {text:?}"))
}

fn parse_events(text: &str) -> Result<usize, String> {
    text.parse()
        .ok()
        .filter(|&events| events > 0)
        .ok_or_else(|| {
            format!("--events needs a whole number, 1 or more, got {text:?}")
        })
}

/// A duration from 1 ms to a minute: long enough to sleep for, short enough
/// that the run ends.
fn parse_seconds(flag: &str, text: &str) -> Result<Duration, String> {
    text.parse()
        .ok()
        .and_then(|seconds| Duration::try_from_secs_f64(seconds).ok())
        .filter(|duration| {
            (Duration::from_millis(1)..=Duration::from_secs(60)).contains(duration)
        })
        .ok_or_else(|| {
            format!(
                "{flag} needs a number of seconds from 0.001 to 60, got {text:?}"
            )
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(args: &[&str]) -> Result<Settings, String> {
        Settings::parse(args.iter().map(|arg| arg.to_string()))
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
        ];
        for (args, start) in bad {
            let error = parse(args).unwrap_err();
            assert!(error.starts_with(start), "{args:?}: {error}");
            assert_eq!(error.lines().count(), 1, "{args:?}: {error}");
        }
    }
}
