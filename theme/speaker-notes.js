// Speaker notes, <details class="speaker-notes">, are closed for readers.
// They are open on the print page, which is the instructor's script for the
// session, and on any page while it is being printed; the blocks opened only
// for printing close again afterwards.
(function () {
    "use strict";

    function closedNotes() {
        const notes = document.querySelectorAll("details.speaker-notes");
        return Array.prototype.filter.call(notes, function (note) {
            return !note.open;
        });
    }

    function open(notes) {
        notes.forEach(function (note) {
            note.open = true;
        });
    }

    // print.html under any sub-path; "print" too, for hosts that serve
    // pages without their .html.
    if (/(^|\/)print(\.html)?$/.test(window.location.pathname)) {
        open(closedNotes());
    }

    let openedForPrinting = [];
    window.addEventListener("beforeprint", function () {
        openedForPrinting = closedNotes();
        open(openedForPrinting);
    });
    window.addEventListener("afterprint", function () {
        openedForPrinting.forEach(function (note) {
            note.open = false;
        });
        openedForPrinting = [];
    });
})();
