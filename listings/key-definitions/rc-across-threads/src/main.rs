use std::rc::Rc;
use std::thread;

fn main() {
    let names = Rc::new(vec!["Ada", "Grace"]);
    let for_thread = Rc::clone(&names);

    // `Rc` updates its count of owners without atomic operations, so it
    // is not `Send`: rustc refuses to move it into another thread.
    let handle = thread::spawn(move || for_thread.len());

    println!("the thread counted {} names", handle.join().unwrap());
    println!("{} owners left", Rc::strong_count(&names));
}
