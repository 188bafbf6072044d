use std::collections::VecDeque;

/// What a task reports after one step.
enum Status {
    Running,
    Finished,
}

/// A task does a small piece of work in `step()` and returns: returning
/// is how it hands control back. Its fields remember where it stopped.
trait Task {
    fn name(&self) -> &str;
    fn step(&mut self) -> Status;
}

/// Counts down to zero, one number per step.
struct Countdown {
    name: &'static str,
    left: u32,
}

impl Countdown {
    fn new(name: &'static str, left: u32) -> Self {
        Countdown { name, left }
    }
}

impl Task for Countdown {
    fn name(&self) -> &str {
        self.name
    }

    fn step(&mut self) -> Status {
        println!("{}: {}", self.name, self.left);
        if self.left == 0 {
            return Status::Finished;
        }
        self.left -= 1;
        Status::Running
    }
}

/// Adds up a list, four numbers per step.
struct Sum {
    numbers: Vec<u64>,
    added: usize,
    total: u64,
}

impl Sum {
    fn new(numbers: Vec<u64>) -> Self {
        Sum {
            numbers,
            added: 0,
            total: 0,
        }
    }
}

impl Task for Sum {
    fn name(&self) -> &str {
        "sum"
    }

    fn step(&mut self) -> Status {
        let end = (self.added + 4).min(self.numbers.len());
        self.total += self.numbers[self.added..end].iter().sum::<u64>();
        self.added = end;
        println!("sum: {} numbers added, total {}", self.added, self.total);
        if self.added == self.numbers.len() {
            Status::Finished
        } else {
            Status::Running
        }
    }
}

/// Round robin: take the task at the front of the run queue, let it do
/// one step, and put it at the back unless it has finished.
fn run(mut queue: VecDeque<Box<dyn Task>>) {
    let mut turns = 0;
    while let Some(mut task) = queue.pop_front() {
        turns += 1;
        match task.step() {
            Status::Running => queue.push_back(task),
            Status::Finished => {
                let (name, left) = (task.name(), queue.len());
                println!("scheduler: {name} done on turn {turns}, {left} left");
            }
        }
    }
}

fn main() {
    let tasks: [Box<dyn Task>; 3] = [
        Box::new(Countdown::new("launch", 3)),
        Box::new(Sum::new((1..=10).collect())),
        Box::new(Countdown::new("timer", 1)),
    ];
    run(VecDeque::from(tasks));
}
