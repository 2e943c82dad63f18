// Glossary terms in the sheets. The build writes each term as a link to its entry on the glossary page, described by
// its definition, which follows it hidden; without JavaScript that link is the way to the definition. Here each term
// becomes a disclosure button with the same words, so the word stays the one control (one tab stop, no « ? » added
// to the sentence: src/Markdown/GlossaryTermInline.cs says why): a click, a tap, Enter or Space shows the definition
// right after the word and says so (aria-expanded); again, hides it. A file, not inline, for the pages'
// Content-Security-Policy.
(function () {
  'use strict';
  function disclose(link) {
    var definition = document.getElementById(link.getAttribute('aria-describedby'));
    if (!definition || !definition.classList.contains('terme-definition')) {
      return;
    }
    var button = document.createElement('button');
    button.type = 'button';
    button.className = link.className;
    button.setAttribute('aria-expanded', 'false');
    button.setAttribute('aria-controls', definition.id);
    // Closed, a screen reader says the definition with the word, as it did for the link; open, the definition is
    // read where it stands, right after, and is not said twice.
    button.setAttribute('aria-describedby', definition.id);
    while (link.firstChild) {
      button.appendChild(link.firstChild);
    }
    link.parentNode.replaceChild(button, link);
    button.addEventListener('click', function () {
      var open = button.getAttribute('aria-expanded') !== 'true';
      button.setAttribute('aria-expanded', open ? 'true' : 'false');
      if (open) {
        button.removeAttribute('aria-describedby');
      } else {
        button.setAttribute('aria-describedby', definition.id);
      }
      definition.hidden = !open;
    });
  }
  function start() {
    var links = document.querySelectorAll('a.terme[aria-describedby]');
    for (var i = 0; i < links.length; i++) {
      disclose(links[i]);
    }
    // The one line that says how, for readers who do not know what a dotted underline means; only where it is true.
    var hint = document.querySelector('.terme-aide');
    if (hint && document.querySelector('button.terme')) {
      hint.hidden = false;
    }
  }
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
