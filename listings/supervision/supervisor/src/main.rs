//! Runs `unsupervised` (`--part broken`) or `supervised` (`--part fixed`)
//! with a seed for the consumers' failures, and says what became of every
//! item.

use std::panic;

use supervisor::{supervised, unsupervised};
use user_input::flags::{self, Clock, Flag, Flags};

fn main() {
    let settings: Settings = flags::from_env();
    // A consumer's panic is reported by `main`, from its `JoinError`; the
    // default hook would print it a second time, with its file and line.
    let default = panic::take_hook();
    panic::set_hook(Box::new(move |info| {
        let message = info.payload_as_str().unwrap_or_default();
        if !message.starts_with("consumer ") {
            default(info);
        }
    }));
    let runtime = clock_runtime::runtime(settings.clock);
    let report = if settings.fixed {
        runtime.block_on(supervised(settings.seed))
    } else {
        runtime.block_on(unsupervised(settings.seed))
    };
    for line in report.lines() {
        println!("{line}");
    }
}

/// `--part broken|fixed`, `--seed N` and `--clock real|paused`.
#[derive(Default)]
struct Settings {
    fixed: bool,
    seed: u64,
    clock: Clock,
}

impl Flags for Settings {
    const FLAGS: &'static [Flag] = &[
        Flag {
            name: "--part",
            value: "broken|fixed",
            help: "broken: no supervisor (default); fixed: a supervisor restarts \
                   each consumer that fails",
        },
        Flag {
            name: "--seed",
            value: "N",
            help: "which consumers fail, and on which items (default 0)",
        },
        Clock::FLAGS[0],
    ];

    fn set(&mut self, name: &str, value: &str) -> Result<(), String> {
        match (name, value) {
            ("--part", "broken") => self.fixed = false,
            ("--part", "fixed") => self.fixed = true,
            ("--part", _) => {
                return Err(format!("--part is broken or fixed, not {value:?}"));
            }
            ("--seed", _) => self.seed = flags::seed(name, value)?,
            _ => self.clock.set(name, value)?,
        }
        Ok(())
    }
}
