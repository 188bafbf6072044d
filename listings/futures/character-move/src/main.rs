use std::cell::Cell;
use std::io::{self, Write};
use std::pin::{Pin, pin};
use std::rc::Rc;
use std::task::{Context, Poll, Waker};
use std::thread;

use user_input::{Args, UserInput};

// ANCHOR: all
// Your code: it reads like blocking code, but each await may pause it.

const MOVES: u32 = 5;

async fn handle_character_move(keys: KeySlot) {
    for _ in 0..MOVES {
        let key = get_key_pressed(&keys).await;
        println!("{key} → {}", step(key));
    }
}

fn step(key: char) -> &'static str {
    match key {
        '⟹' => "right",
        '⟸' => "left",
        '⇑' => "up",
        '⇓' => "down",
        _ => "stay",
    }
}

// The framework: a leaf future, and the loop that drives everything.

/// The key of the current period: `run` puts it in, `InputProvider` takes
/// it out. Shared, because `Pending` carries nothing and `poll` takes
/// nothing but a `Context`.
#[derive(Clone, Default)]
struct KeySlot(Rc<Cell<Option<char>>>);

/// Waits for a key, printing a dot for each poll that finds none.
struct InputProvider {
    keys: KeySlot,
    /// How many dots this provider has printed.
    dots: u32,
}

impl Future for InputProvider {
    type Output = char;

    fn poll(mut self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<char> {
        if let Some(key) = self.keys.0.take() {
            if self.dots > 0 {
                println!(); // end the line of dots
            }
            return Poll::Ready(key);
        }
        print!(".");
        // Show the dot now, not when the line ends.
        io::stdout().flush().expect("stdout is writable");
        self.dots += 1;
        // No waker call: `run` polls once per period anyway. Under a real
        // executor, the key's source would have to keep `cx.waker()` and
        // wake it when a key comes.
        Poll::Pending
    }
}

async fn get_key_pressed(keys: &KeySlot) -> char {
    let keys = keys.clone();
    InputProvider { keys, dots: 0 }.await
}

/// Polls the future that `task` makes once per period, handing it the key
/// of that period, until the future is done.
fn run<F: Future<Output = ()>>(task: impl FnOnce(KeySlot) -> F, args: Args) {
    let keys = KeySlot::default();
    let mut future = pin!(task(keys.clone()));
    let mut cx = Context::from_waker(Waker::noop());
    let mut input = UserInput::new(args.period, args.seed);
    loop {
        keys.0.set(input.get_key());
        if future.as_mut().poll(&mut cx).is_ready() {
            break;
        }
        thread::sleep(args.period);
    }
    println!("Bye!");
}

fn main() {
    run(handle_character_move, Args::from_env());
}
// ANCHOR_END: all

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_provider_waits_for_a_key_then_returns_it() {
        let keys = KeySlot::default();
        let mut provider = pin!(get_key_pressed(&keys));
        let mut cx = Context::from_waker(Waker::noop());
        assert_eq!(provider.as_mut().poll(&mut cx), Poll::Pending);
        assert_eq!(provider.as_mut().poll(&mut cx), Poll::Pending);
        keys.0.set(Some('⇑'));
        assert_eq!(provider.as_mut().poll(&mut cx), Poll::Ready('⇑'));
        assert_eq!(keys.0.get(), None, "the key was taken, not copied");
    }

    #[test]
    fn every_key_has_a_step() {
        let steps: Vec<_> = user_input::KEYS.into_iter().map(step).collect();
        assert_eq!(steps, ["right", "left", "up", "down"]);
        assert_eq!(step('x'), "stay");
    }
}
