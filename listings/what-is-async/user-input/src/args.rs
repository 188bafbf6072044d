//! The two flags of every listing that uses the simulated keyboard.

use std::time::Duration;

use crate::flags::{self, Flag, Flags};

/// `--period SECONDS` (default 1) and `--seed N` (default: a random seed).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Args {
    /// How long one period of the keyboard lasts.
    pub period: Duration,
    /// The seed of the keyboard's random choices, if one was given.
    pub seed: Option<u64>,
}

impl Default for Args {
    fn default() -> Self {
        Args {
            period: Duration::from_secs(1),
            seed: None,
        }
    }
}

impl Args {
    /// The flags this process was started with. `--help` prints the usage
    /// and exits; on bad input, prints one `error: ...` line to stderr and
    /// exits with code 2.
    pub fn from_env() -> Args {
        flags::from_env()
    }
}

/// The shortest period: shorter ones would have a slow reader make millions
/// of choices for the periods it missed.
const MIN_PERIOD: Duration = Duration::from_millis(1);

impl Flags for Args {
    const FLAGS: &'static [Flag] = &[
        Flag {
            name: "--period",
            value: "SECONDS",
            help: "how long one period of the simulated keyboard lasts (default 1, at least 0.001)",
        },
        Flag {
            name: "--seed",
            value: "N",
            help: "the same N presses the same keys on every run (default: random)",
        },
    ];

    fn set(&mut self, name: &str, value: &str) -> Result<(), String> {
        match name {
            "--period" => {
                self.period =
                    flags::seconds(name, value, MIN_PERIOD..=Duration::MAX)?;
            }
            _ => self.seed = Some(flags::seed(name, value)?),
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::flags::Request;

    fn parse(args: &[&str]) -> Result<Args, String> {
        match flags::parse(args.iter().map(|arg| arg.to_string()))? {
            Request::Run(args) => Ok(args),
            Request::Help => Err("help".into()),
        }
    }

    #[test]
    fn no_flags_give_the_defaults() {
        let args = parse(&[]).unwrap();
        assert_eq!(
            args,
            Args {
                period: Duration::from_secs(1),
                seed: None
            }
        );
    }

    #[test]
    fn both_flags_in_any_order() {
        let expected = Args {
            period: Duration::from_millis(50),
            seed: Some(42),
        };
        assert_eq!(parse(&["--period", "0.05", "--seed", "42"]), Ok(expected));
        assert_eq!(parse(&["--seed", "42", "--period", "0.05"]), Ok(expected));
    }

    #[test]
    fn a_period_must_be_a_positive_number() {
        for bad in [
            "-1",
            "0",
            "-0",
            "0.0000000001",
            "0.0005",
            "NaN",
            "inf",
            "1e30",
            "soon",
            "",
        ] {
            let error = parse(&["--period", bad]).unwrap_err();
            assert!(
                error.starts_with(
                    "--period needs a number of seconds, 0.001 or more"
                ),
                "{bad}: {error}"
            );
            assert!(error.ends_with(&format!("got {bad:?}")), "{bad}: {error}");
        }
    }

    #[test]
    fn a_seed_must_be_a_whole_number() {
        for bad in ["-1", "1.5", "x", "18446744073709551616", ""] {
            let error = parse(&["--seed", bad]).unwrap_err();
            assert!(
                error.starts_with("--seed needs a whole number"),
                "{bad}: {error}"
            );
        }
        assert_eq!(
            parse(&["--seed", "18446744073709551615"]).unwrap().seed,
            Some(u64::MAX)
        );
    }

    #[test]
    fn a_flag_without_its_value_is_an_error() {
        assert_eq!(parse(&["--period"]), Err("--period needs a value".into()));
        assert_eq!(
            parse(&["--seed", "1", "--seed"]),
            Err("--seed needs a value".into())
        );
    }

    #[test]
    fn unknown_arguments_are_errors() {
        for bad in ["--speed", "-p", "--period=1", "7"] {
            let error = parse(&[bad]).unwrap_err();
            assert!(
                error.starts_with(&format!("unknown argument {bad:?}")),
                "{error}"
            );
        }
    }

    #[test]
    fn help_lists_both_flags() {
        assert_eq!(parse(&["--help"]), Err("help".into()));
        let usage = flags::usage::<Args>("read-keys");
        assert!(
            usage.starts_with("usage: read-keys [--period SECONDS] [--seed N]\n"),
            "{usage}"
        );
    }

    #[test]
    fn no_error_message_spans_two_lines() {
        let error = parse(&["--period", "1\n2"]).unwrap_err();
        assert_eq!(error.lines().count(), 1, "{error}");
    }
}
