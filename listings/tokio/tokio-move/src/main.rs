//! The character move of `waker-executor`, on tokio: a keyboard task sends
//! its keys through tokio's channel to the mover, while a ticker reports
//! where the character is.

use std::cell::Cell;
use std::time::Duration;

use tokio::sync::mpsc::{self, UnboundedReceiver, UnboundedSender};
use tokio::time::sleep;
use user_input::{Args, UserInput};

/// How many periods the simulated user plays before leaving.
const PERIODS: u32 = 10;

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let args = Args::from_env();
    let (sender, presses) = mpsc::unbounded_channel();
    // A task of its own, where waker-executor gave the keyboard a thread.
    let keyboard = tokio::spawn(press_keys(sender, args));
    // Two futures of main's own task, polled in turn: both may borrow `at`.
    let at = Cell::new((0, 0));
    tokio::join!(move_character(presses, &at), tick(&at, args.period));
    let pressed = keyboard.await.expect("the keyboard task does not panic");
    println!("Bye! The keyboard sent {pressed} keys.");
}

/// The keyboard and its driver: each key goes into the channel with the
/// number of its period. Returns how many keys it sent.
async fn press_keys(sender: UnboundedSender<(u32, char)>, args: Args) -> u32 {
    let mut input = UserInput::new(args.period, args.seed);
    let mut pressed = 0;
    for period in 1..=PERIODS {
        if let Some(key) = input.get_key() {
            // An error means the mover is gone, and with it all interest.
            let _ = sender.send((period, key));
            pressed += 1;
        }
        sleep(args.period).await;
    }
    pressed
    // `sender` is dropped here: the channel closes, and `recv` says `None`.
}

async fn move_character(
    mut presses: UnboundedReceiver<(u32, char)>,
    at: &Cell<(i32, i32)>,
) {
    while let Some((period, key)) = presses.recv().await {
        let (step, dx, dy) = match key {
            '⟹' => ("right", 1, 0),
            '⟸' => ("left", -1, 0),
            '⇑' => ("up", 0, 1),
            '⇓' => ("down", 0, -1),
            _ => ("stay", 0, 0),
        };
        let (x, y) = at.get();
        at.set((x + dx, y + dy));
        println!("period {period:2}: {key} → {step}, now at {:?}", at.get());
    }
}

/// In the middle of every second period, says where the character is.
async fn tick(at: &Cell<(i32, i32)>, period: Duration) {
    let mut wait = period * 3 / 2; // to the middle of period 2
    for now in (2..=PERIODS).step_by(2) {
        sleep(wait).await;
        println!("        tick in period {now:2}: at {:?}", at.get());
        wait = period * 2;
    }
}
