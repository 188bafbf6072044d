/// Five steps, and a stop after each: the caller decides when to go on.
struct FiveSteps {
    next: u32,
}

impl Iterator for FiveSteps {
    type Item = ();

    fn next(&mut self) -> Option<()> {
        if self.next == 5 {
            return None;
        }
        println!("    step {}", self.next);
        self.next += 1;
        Some(())
    }
}

fn main() {
    let mut turns = 0;
    for () in (FiveSteps { next: 0 }) {
        turns += 1;
        println!("outer loop, turn {turns}");
    }
    println!("turns of the outer loop: {turns}");
}
