//! Scoped threads borrow `main`'s variables: none outlives the scope.

use std::thread;
use std::time::Duration;

fn main() {
    let names = ["Ada", "Grace", "Barbara"];
    let mut lengths = [0; 3];
    thread::scope(|scope| {
        for (name, length) in names.iter().zip(&mut lengths) {
            // Each thread borrows one name and one slot of `lengths`.
            scope.spawn(move || {
                thread::sleep(Duration::from_millis(100));
                *length = name.len();
            });
        }
        println!("scope: spawned {} threads, waits for them", names.len());
    });
    // Every thread has ended: `lengths` is main's alone again.
    println!("after the scope: {lengths:?}");
}
