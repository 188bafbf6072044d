use std::time::Instant;

use user_input::UserInput;

/// What `move-iterator`'s `Moves` keeps between two calls to `next`, the
/// keyboard; and the time when it may be read next, one period after the
/// last read, since that listing's loop sleeps a period per turn.
pub struct Moves {
    pub(crate) input: UserInput,
    pub(crate) next_read: Instant,
}

impl Moves {
    /// The keyboard may be read at once.
    pub fn new(input: UserInput) -> Self {
        Moves {
            input,
            next_read: Instant::now(),
        }
    }

    /// A future for the next move: it is ready once a key is down.
    pub fn next_move(&mut self) -> NextMove<'_> {
        NextMove { moves: self }
    }
}

/// Waits for one key, reading the keyboard once per period.
pub struct NextMove<'a> {
    pub(crate) moves: &'a mut Moves,
}

/// The move a key asks for.
pub fn step(key: char) -> &'static str {
    match key {
        '⟹' => "right",
        '⟸' => "left",
        '⇑' => "up",
        '⇓' => "down",
        _ => "stay",
    }
}

/// Code that awaits your future, as chapter 3 writes it: `count` moves,
/// one after the other.
pub async fn collect_moves(moves: &mut Moves, count: usize) -> Vec<&'static str> {
    let mut steps = Vec::new();
    for _ in 0..count {
        steps.push(moves.next_move().await);
    }
    steps
}
