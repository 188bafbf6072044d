//! The character move of chapter 3, run by an executor that sleeps until
//! the keyboard wakes it.

use std::thread;

use user_input::{Args, UserInput};
use waker_executor::{Receiver, Sender, block_on, channel};

// ANCHOR: main
/// How many periods the simulated user plays before leaving.
const PERIODS: u32 = 10;

fn main() {
    let args = Args::from_env();
    let (sender, presses) = channel();
    // Only the keyboard knows when a key comes, so it gets a thread of its
    // own, and the executor's thread can sleep.
    let keyboard = thread::spawn(move || press_keys(sender, args));
    block_on(handle_character_move(presses));
    keyboard.join().expect("the keyboard thread does not panic");
    println!("Bye!");
}

/// The keyboard and its driver: it sends each key, with the number of its
/// period, as soon as the user presses it.
fn press_keys(sender: Sender<(u32, char)>, args: Args) {
    let mut input = UserInput::new(args.period, args.seed);
    for period in 1..=PERIODS {
        if let Some(key) = input.get_key() {
            sender.send((period, key));
        }
        thread::sleep(args.period);
    }
    // `sender` is dropped here: the channel closes, and the task, woken
    // one last time, finds the end.
}

async fn handle_character_move(presses: Receiver<(u32, char)>) {
    let (mut x, mut y) = (0, 0);
    while let Some((period, key)) = presses.recv().await {
        let (step, dx, dy) = match key {
            '⟹' => ("right", 1, 0),
            '⟸' => ("left", -1, 0),
            '⇑' => ("up", 0, 1),
            '⇓' => ("down", 0, -1),
            _ => ("stay", 0, 0),
        };
        (x, y) = (x + dx, y + dy);
        println!("period {period:2}: {key} → {step}, now at ({x}, {y})");
    }
}
// ANCHOR_END: main
