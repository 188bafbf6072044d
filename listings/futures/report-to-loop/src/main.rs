use std::cell::Cell;
use std::pin::{Pin, pin};
use std::rc::Rc;
use std::task::{Context, Poll, Waker};

/// Where the leaf leaves a note for the loop: `Pending` itself carries none.
type Mailbox = Rc<Cell<Option<u32>>>;

/// `Pending` for three polls, then `Ready("Ok")`; each `Pending` leaves the
/// number of the poll in the mailbox.
struct NotYet {
    polls: u32,
    mailbox: Mailbox,
}

impl Future for NotYet {
    type Output = &'static str;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        self.polls += 1;
        if self.polls > 3 {
            return Poll::Ready("Ok");
        }
        self.mailbox.set(Some(self.polls));
        cx.waker().wake_by_ref();
        Poll::Pending
    }
}

async fn ask_twice(mailbox: Mailbox) {
    for round in 1..=2 {
        let mailbox = Rc::clone(&mailbox);
        let answer = NotYet { polls: 0, mailbox }.await;
        println!("    ask_twice: round {round}, the leaf said {answer}");
    }
}

fn main() {
    let mailbox = Mailbox::default();
    let mut future = pin!(ask_twice(Rc::clone(&mailbox)));
    let mut cx = Context::from_waker(Waker::noop());
    let mut polls = 0;
    loop {
        polls += 1;
        let poll = future.as_mut().poll(&mut cx);
        // Read the note after each poll, and empty the mailbox.
        let note = mailbox.take();
        println!("loop: poll {polls} returned {poll:?}, note: {note:?}");
        if poll.is_ready() {
            break;
        }
    }
}
