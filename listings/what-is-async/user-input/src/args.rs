//! The two flags of every listing that uses the simulated keyboard.

use std::time::Duration;

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
    /// The flags this process was started with. On bad input, prints one
    /// `error: ...` line to stderr and exits with code 2.
    pub fn from_env() -> Args {
        // Lossy, so an argument that is not UTF-8 is refused, not a panic.
        let args = std::env::args_os().skip(1);
        match Args::parse(args.map(|arg| arg.to_string_lossy().into_owned())) {
            Ok(args) => args,
            Err(message) => {
                eprintln!("error: {message}");
                std::process::exit(2);
            }
        }
    }

    /// Parses the flags (without the program's name). The error says what
    /// is wrong, in one line.
    pub fn parse(args: impl IntoIterator<Item = String>) -> Result<Args, String> {
        let mut parsed = Args::default();
        let mut args = args.into_iter();
        while let Some(flag) = args.next() {
            let mut value =
                || args.next().ok_or_else(|| format!("{flag} needs a value"));
            match flag.as_str() {
                "--period" => parsed.period = parse_period(&value()?)?,
                "--seed" => parsed.seed = Some(parse_seed(&value()?)?),
                _ => return Err(format!("unknown argument {flag:?}")),
            }
        }
        Ok(parsed)
    }
}

/// The shortest period: shorter ones would have a slow reader make millions
/// of choices for the periods it missed.
const MIN_PERIOD: Duration = Duration::from_millis(1);

fn parse_period(text: &str) -> Result<Duration, String> {
    // `try_from_secs_f64` refuses negative, NaN, infinite and huge values.
    text.parse()
        .ok()
        .and_then(|seconds| Duration::try_from_secs_f64(seconds).ok())
        .filter(|period| *period >= MIN_PERIOD)
        .ok_or_else(|| {
            format!("--period needs a positive number of seconds, 0.001 or more, got {text:?}")
        })
}

fn parse_seed(text: &str) -> Result<u64, String> {
    text.parse()
        .map_err(|_| format!("--seed needs a whole number, 0 or more, got {text:?}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(args: &[&str]) -> Result<Args, String> {
        Args::parse(args.iter().map(|arg| arg.to_string()))
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
                error.starts_with("--period needs a positive"),
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
        for bad in ["--speed", "-p", "--period=1", "7", "--help"] {
            let error = parse(&[bad]).unwrap_err();
            assert_eq!(error, format!("unknown argument {bad:?}"));
        }
    }

    #[test]
    fn no_error_message_spans_two_lines() {
        let error = parse(&["--period", "1\n2"]).unwrap_err();
        assert_eq!(error.lines().count(), 1, "{error}");
    }
}
