//! The small command-line parser that every listing with flags shares. Each
//! flag takes one value (`--seed 3`); `--help` (or `-h`) prints the usage
//! on stdout and exits with code 0; bad input stops the program with one
//! `error: ...` line on stderr and exit code 2.
//!
//! The unit tests below check that contract once, on argument slices;
//! `book-tests` (`tests/src/flags.rs`) runs every listing binary that uses
//! this parser with `--help` and bad input, so the listings do not repeat it.

use std::ops::RangeInclusive;
use std::path::Path;
use std::process;
use std::time::Duration;

/// One flag of a listing: `--name VALUE`.
#[derive(Debug, Clone, Copy)]
pub struct Flag {
    /// Such as `--seed`.
    pub name: &'static str,
    /// What its value is, such as `N`.
    pub value: &'static str,
    /// What it does, in one line of `--help`.
    pub help: &'static str,
}

/// A listing's settings, which its flags fill in over the defaults.
pub trait Flags: Default {
    /// Every flag, in the order `--help` lists them.
    const FLAGS: &'static [Flag];

    /// Sets the flag `name`, one of `FLAGS`, from `value`. The error says
    /// what is wrong, in one line.
    fn set(&mut self, name: &str, value: &str) -> Result<(), String>;
}

/// What a command line asks for.
#[derive(Debug, PartialEq)]
pub enum Request<T> {
    Run(T),
    Help,
}

/// Reads `args` (without the program's name). The error is one line.
pub fn parse<T: Flags>(
    args: impl IntoIterator<Item = String>,
) -> Result<Request<T>, String> {
    let args: Vec<String> = args.into_iter().collect();
    if args.iter().any(|arg| arg == "--help" || arg == "-h") {
        return Ok(Request::Help);
    }
    let mut settings = T::default();
    let mut args = args.into_iter();
    while let Some(name) = args.next() {
        if !T::FLAGS.iter().any(|flag| flag.name == name) {
            return Err(format!(
                "unknown argument {name:?} (--help lists the flags)"
            ));
        }
        let value = args.next().ok_or_else(|| format!("{name} needs a value"))?;
        settings.set(&name, &value)?;
    }
    Ok(Request::Run(settings))
}

/// What `--help` prints for `program`.
pub fn usage<T: Flags>(program: &str) -> String {
    let help = Flag {
        name: "-h, --help",
        value: "",
        help: "print this help",
    };
    let shown = |flag: &Flag| format!("{} {}", flag.name, flag.value);
    let width = T::FLAGS.iter().chain([&help]).map(|f| shown(f).len()).max();
    let width = width.unwrap_or_default();
    let mut text = format!("usage: {program}");
    for flag in T::FLAGS {
        text += &format!(" [{}]", shown(flag));
    }
    text += "\n\nflags:\n";
    for flag in T::FLAGS.iter().chain([&help]) {
        text += &format!("  {:width$}  {}\n", shown(flag), flag.help);
    }
    text
}

/// How a program stops instead of running: what it prints on each stream,
/// and its exit code.
#[derive(Debug, PartialEq)]
pub struct Stop {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

/// What `program` does with `args`: run with the settings, or stop. `--help`
/// prints the usage on stdout, code 0; bad input one `error: ...` line on
/// stderr, code 2. `from_env` only carries this out, so the unit tests
/// below check the whole contract without starting a process.
pub fn respond<T: Flags>(
    program: &str,
    args: impl IntoIterator<Item = String>,
) -> Result<T, Stop> {
    match parse(args) {
        Ok(Request::Run(settings)) => Ok(settings),
        Ok(Request::Help) => Err(Stop {
            code: 0,
            stdout: usage::<T>(program),
            stderr: String::new(),
        }),
        Err(message) => Err(Stop {
            code: 2,
            stdout: String::new(),
            stderr: format!("error: {message}\n"),
        }),
    }
}

/// The settings this process was started with, or the stop `respond` says.
pub fn from_env<T: Flags>() -> T {
    let mut args = std::env::args_os();
    let program = args.next().unwrap_or_default();
    let program = Path::new(&program).file_name().unwrap_or_default();
    // Lossy, so an argument that is not UTF-8 is refused, not a panic.
    let args = args.map(|arg| arg.to_string_lossy().into_owned());
    match respond(&program.to_string_lossy(), args) {
        Ok(settings) => settings,
        Err(stop) => {
            print!("{}", stop.stdout);
            eprint!("{}", stop.stderr);
            process::exit(stop.code);
        }
    }
}

/// `--clock real|paused`, the one flag of the listings that run on tokio's
/// clock: paused, the clock jumps to the next timer whenever every task
/// waits, so that a run prints the same lines at once; real, the default,
/// keeps the pace a reader should see.
#[derive(Debug, Default)]
pub struct Clock {
    pub paused: bool,
}

impl Flags for Clock {
    const FLAGS: &'static [Flag] = &[Flag {
        name: "--clock",
        value: "real|paused",
        help: "real: wait for real (default); paused: tokio's clock jumps ahead when all tasks wait",
    }];

    fn set(&mut self, name: &str, value: &str) -> Result<(), String> {
        self.paused = match value {
            "real" => false,
            "paused" => true,
            _ => return Err(format!("{name} is real or paused, not {value:?}")),
        };
        Ok(())
    }
}

/// A seed: any whole number that fits in a `u64`.
pub fn seed(flag: &str, text: &str) -> Result<u64, String> {
    text.parse()
        .map_err(|_| format!("{flag} needs a whole number, 0 or more, got {text:?}"))
}

/// A whole number, `min` or more.
pub fn whole_number(flag: &str, text: &str, min: u64) -> Result<u64, String> {
    text.parse()
        .ok()
        .filter(|number| *number >= min)
        .ok_or_else(|| {
            format!("{flag} needs a whole number, {min} or more, got {text:?}")
        })
}

/// A number of seconds within `range`; `Duration::MAX` as its end means
/// no upper bound.
pub fn seconds(
    flag: &str,
    text: &str,
    range: RangeInclusive<Duration>,
) -> Result<Duration, String> {
    let (min, max) = (range.start().as_secs_f64(), range.end().as_secs_f64());
    // `try_from_secs_f64` refuses negative, NaN, infinite and huge values.
    text.parse()
        .ok()
        .and_then(|seconds| Duration::try_from_secs_f64(seconds).ok())
        .filter(|duration| range.contains(duration))
        .ok_or_else(|| {
            if *range.end() == Duration::MAX {
                format!("{flag} needs a number of seconds, {min} or more, got {text:?}")
            } else {
                format!(
                    "{flag} needs a number of seconds from {min} to {max}, got {text:?}"
                )
            }
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Two flags, as a listing would have them.
    #[derive(Debug, Default, PartialEq)]
    struct Race {
        seed: Option<u64>,
        gap: Option<Duration>,
    }

    impl Flags for Race {
        const FLAGS: &'static [Flag] = &[
            Flag {
                name: "--seed",
                value: "N",
                help: "the same race on every run",
            },
            Flag {
                name: "--gap",
                value: "SECONDS",
                help: "the mean time between presses",
            },
        ];

        fn set(&mut self, name: &str, value: &str) -> Result<(), String> {
            match name {
                "--seed" => self.seed = Some(seed(name, value)?),
                _ => {
                    let range = Duration::from_millis(1)..=Duration::from_secs(60);
                    self.gap = Some(seconds(name, value, range)?);
                }
            }
            Ok(())
        }
    }

    fn parse_race(args: &[&str]) -> Result<Request<Race>, String> {
        parse(args.iter().map(|arg| arg.to_string()))
    }

    #[test]
    fn flags_in_any_order_over_the_defaults() {
        assert_eq!(parse_race(&[]), Ok(Request::Run(Race::default())));
        let expected = Race {
            seed: Some(3),
            gap: Some(Duration::from_millis(20)),
        };
        let both = parse_race(&["--gap", "0.02", "--seed", "3"]);
        assert_eq!(both, Ok(Request::Run(expected)));
    }

    #[test]
    fn help_anywhere_asks_for_the_usage() {
        for args in [
            &["--help"][..],
            &["-h"],
            &["--seed", "3", "--help"],
            &["--bad", "-h"],
        ] {
            assert_eq!(parse_race(args), Ok(Request::Help), "{args:?}");
        }
    }

    #[test]
    fn the_usage_lists_every_flag_and_help() {
        assert_eq!(
            usage::<Race>("race"),
            "usage: race [--seed N] [--gap SECONDS]\n\
             \n\
             flags:\n  \
               --seed N       the same race on every run\n  \
               --gap SECONDS  the mean time between presses\n  \
               -h, --help     print this help\n"
        );
    }

    #[test]
    fn bad_input_is_one_line_that_names_the_flag() {
        let bad: &[(&[&str], &str)] = &[
            (
                &["--speed", "2"],
                "unknown argument \"--speed\" (--help lists",
            ),
            (&["--seed=3"], "unknown argument \"--seed=3\""),
            (&["3"], "unknown argument \"3\""),
            (&["--seed"], "--seed needs a value"),
            (&["--seed", "-1"], "--seed needs a whole number, 0 or more"),
            (
                &["--gap", "0"],
                "--gap needs a number of seconds from 0.001 to 60",
            ),
            (
                &["--gap", "61"],
                "--gap needs a number of seconds from 0.001 to 60",
            ),
            (&["--gap", "1\n2"], "--gap needs a number of seconds"),
        ];
        for (args, start) in bad {
            let error = parse_race(args).unwrap_err();
            assert!(error.starts_with(start), "{args:?}: {error}");
            assert_eq!(error.lines().count(), 1, "{args:?}: {error}");
        }
    }

    fn respond_race(args: &[&str]) -> Result<Race, Stop> {
        respond("race", args.iter().map(|arg| arg.to_string()))
    }

    #[test]
    fn help_goes_to_stdout_with_exit_code_0() {
        for flag in ["--help", "-h"] {
            let stop = respond_race(&["--seed", "3", flag]).unwrap_err();
            assert_eq!(stop.code, 0, "{flag}");
            assert_eq!(stop.stdout, usage::<Race>("race"), "{flag}");
            assert_eq!(stop.stderr, "", "{flag}");
        }
    }

    #[test]
    fn bad_input_is_one_error_line_on_stderr_with_exit_code_2() {
        for args in [&["--speed"][..], &["--seed"], &["--gap", "0"], &["x"]] {
            let stop = respond_race(args).unwrap_err();
            assert_eq!(stop.code, 2, "{args:?}");
            assert_eq!(stop.stdout, "", "{args:?}");
            assert!(stop.stderr.starts_with("error: "), "{args:?}: {stop:?}");
            assert!(stop.stderr.ends_with('\n'), "{args:?}: {stop:?}");
            assert_eq!(stop.stderr.lines().count(), 1, "{args:?}: {stop:?}");
        }
    }

    #[test]
    fn good_input_runs() {
        let race = respond_race(&["--seed", "4"]).unwrap();
        assert_eq!(race.seed, Some(4));
    }

    #[test]
    fn whole_numbers_have_a_minimum() {
        assert_eq!(whole_number("--n", "1", 1), Ok(1));
        for bad in ["0", "-1", "1.5", "x", ""] {
            let error = whole_number("--n", bad, 1).unwrap_err();
            assert_eq!(
                error,
                format!("--n needs a whole number, 1 or more, got {bad:?}")
            );
        }
    }

    #[test]
    fn seconds_without_an_upper_bound_say_so() {
        let range = Duration::from_millis(1)..=Duration::MAX;
        assert_eq!(
            seconds("--t", "1e6", range.clone()),
            Ok(Duration::from_secs(1_000_000))
        );
        let error = seconds("--t", "0.0005", range).unwrap_err();
        assert_eq!(
            error,
            "--t needs a number of seconds, 0.001 or more, got \"0.0005\""
        );
    }
}
