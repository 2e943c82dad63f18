// Glossary terms in the sheets: shows each term's disclosure button (hidden in the HTML, since it does nothing
// without this script) and opens or closes the definition written after it. Without JavaScript, the term is
// a link to its entry on the glossary page. A file, not inline, for the pages' Content-Security-Policy.
(function () {
  'use strict';
  function toggle(button) {
    var definition = document.getElementById(button.getAttribute('aria-controls'));
    if (!definition) {
      return;
    }
    var open = button.getAttribute('aria-expanded') !== 'true';
    button.setAttribute('aria-expanded', open ? 'true' : 'false');
    definition.hidden = !open;
  }
  function start() {
    var buttons = document.querySelectorAll('button.terme-bouton[aria-controls]');
    for (var i = 0; i < buttons.length; i++) {
      buttons[i].hidden = false;
      buttons[i].addEventListener('click', function (event) {
        toggle(event.currentTarget);
      });
    }
  }
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
