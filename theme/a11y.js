// Accessibility fixes to mdBook 0.5.4's default theme that CSS cannot make,
// found by axe-core (tests/browser/lib/pages.mjs). Loaded after book.js
// through book.toml's `additional-js`; each fix says what it is for.
'use strict';

(function sidebarToggleIsAButton() {
    // The sidebar toggle is a <label> for a hidden checkbox, and book.js puts
    // aria-expanded and aria-label on it, which a label may not carry (axe:
    // aria-allowed-attr, critical; aria-prohibited-attr, serious). It cannot
    // take the keyboard focus either. As a button it may carry both, and the
    // keyboard can reach and press it; a click on the label still toggles the
    // checkbox, which is what book.js listens to.
    const toggle = document.getElementById('mdbook-sidebar-toggle');
    if (!toggle) {
        return;
    }
    toggle.setAttribute('role', 'button');
    toggle.setAttribute('tabindex', '0');
    toggle.addEventListener('keydown', function(event) {
        if (event.key === 'Enter' || event.key === ' ') {
            event.preventDefault();
            toggle.click();
        }
    });
})();

(function searchFieldHasALabel() {
    // The search field's only name is its placeholder, and it points
    // (aria-describedby) at the results' header (axe: label-title-only,
    // serious). Name it.
    const field = document.getElementById('mdbook-searchbar');
    if (field && !field.hasAttribute('aria-label')) {
        field.setAttribute('aria-label', 'Search this book');
    }
})();

(function searchTeasersHaveNoLabel() {
    // searcher.js gives each result's teaser, a <span>, the aria-label
    // "Search Result Teaser", which a span with no role may not carry (axe:
    // aria-prohibited-attr, serious, on a result whose teaser is empty); the
    // result's link already points at the teaser (aria-details). Take the
    // label off as results appear.
    const results = document.getElementById('mdbook-searchresults');
    if (!results) {
        return;
    }
    new MutationObserver(function() {
        results.querySelectorAll('.teaser[aria-label]').forEach(function(teaser) {
            teaser.removeAttribute('aria-label');
        });
    }).observe(results, { childList: true, subtree: true });
})();

(function scrollingBlocksTakeFocus() {
    // A code block or a table wider than the page scrolls sideways (on a
    // phone, most do), and keyboard users can scroll only what they can
    // focus (axe: scrollable-region-focusable). Make each such block
    // focusable while it overflows: on load, when the window is resized, and
    // when a quiz renders its code.
    const scrollers = 'main pre, main pre > code, main .table-wrapper';
    function update() {
        document.querySelectorAll(scrollers).forEach(function(block) {
            const scrolls = block.scrollWidth > block.clientWidth + 1 &&
                getComputedStyle(block).overflowX !== 'visible';
            if (scrolls && !block.hasAttribute('tabindex')) {
                block.setAttribute('tabindex', '0');
                block.dataset.a11yFocus = '';
            } else if (!scrolls && 'a11yFocus' in block.dataset) {
                block.removeAttribute('tabindex');
                delete block.dataset.a11yFocus;
            }
        });
    }
    let pending = false;
    function schedule() {
        if (!pending) {
            pending = true;
            requestAnimationFrame(function() {
                pending = false;
                update();
            });
        }
    }
    update();
    window.addEventListener('resize', schedule);
    const main = document.querySelector('main');
    if (main) {
        new MutationObserver(schedule).observe(main, { childList: true, subtree: true });
    }
})();
