// « Imprimer » on a sheet: the button is hidden in the HTML, since it does nothing without this script, and shown
// here only where the browser can print. A file, not inline, for the pages' Content-Security-Policy.
(function () {
  'use strict';
  function start() {
    if (typeof window.print !== 'function') {
      return;
    }
    var buttons = document.querySelectorAll('button.imprimer');
    for (var i = 0; i < buttons.length; i++) {
      buttons[i].hidden = false;
      buttons[i].addEventListener('click', function () {
        window.print();
      });
    }
  }
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
