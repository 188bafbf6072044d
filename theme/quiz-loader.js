// Loads mdbook-quiz's script and style from the book's root, on pages that
// hold a quiz. mdbook-quiz links them relative to each chapter, which breaks
// on print.html; the course preprocessor (preprocessor/) takes those links out.
(function () {
    "use strict";
    const quizzes = document.querySelectorAll(".quiz-placeholder");
    if (quizzes.length === 0) {
        return;
    }

    function load() {
        const style = document.createElement("link");
        style.rel = "stylesheet";
        style.href = path_to_root + "quiz/style.css";
        document.head.appendChild(style);

        const script = document.createElement("script");
        script.src = path_to_root + "quiz/quiz-embed.iife.js";
        // The quiz script draws the quizzes on DOMContentLoaded, which has
        // already passed when a script added now runs: announce it again.
        script.onload = function () {
            window.dispatchEvent(new Event("DOMContentLoaded"));
        };
        document.head.appendChild(script);
    }

    // The quiz script is large (1.4 MB): fetch it only when a quiz comes
    // near the screen, so readers who never reach one never pay for it.
    const observer = new IntersectionObserver(function (entries) {
        if (entries.some(function (entry) { return entry.isIntersecting; })) {
            observer.disconnect();
            load();
        }
    }, { rootMargin: "800px" });
    quizzes.forEach(function (quiz) { observer.observe(quiz); });
})();
