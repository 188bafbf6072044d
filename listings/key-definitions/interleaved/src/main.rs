use std::thread;

fn main() {
    // Each task is a lazy sequence of steps: a step runs only when
    // `next()` asks for it, so the loop below decides the order.
    let mut count = (1..=3).map(|n| say(&format!("count: {n}")));
    let mut spell = "RUST".chars().map(|c| say(&format!("spell: {c}")));

    loop {
        // One step of each task per turn, all on this one thread.
        let counting = count.next().is_some();
        let spelling = spell.next().is_some();
        if !counting && !spelling {
            break;
        }
    }
    say("both tasks are done");
}

// Prints a line tagged with the name of the thread that runs it.
fn say(what: &str) {
    let me = thread::current();
    let name = me.name().unwrap_or("unnamed");
    println!("[thread {name}] {what}");
}
