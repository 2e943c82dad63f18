// The 404 page's script, written into that page by the build (src/Rendering/NotFoundPage.cs) rather than loaded from
// this file: a server shows the 404 page at any missing address, at any depth, and a mirror may serve the site at
// another origin or path than its base URL's, so no file's address is known there. The page's links are written from
// the base URL's path (this script's data-site-root, « /fiches/ »), which works as it is, without this script, for a
// copy served at that path. Elsewhere this finds the copy's root, the deepest folder above the address where 404.html
// answers (a missing file answers 404), and rewrites every link that starts with the written path. When no folder
// answers, the links stay as written.
(function () {
  'use strict';
  var written = document.currentScript.getAttribute('data-site-root');
  var attributes = ['href', 'src', 'action', 'data-site-root'];
  // A missing address is most often a page's address mistyped, a few folders below the site's root; folders further
  // up than this are not asked.
  var mostProbes = 12;

  // The folders from the address shown up to the server's top: « /a/b/c » gives /a/b/, /a/, /.
  var folders = location.pathname.split('/').slice(0, -1);
  var roots = [];
  for (var n = folders.length; n > 0 && roots.length < mostProbes; n--) {
    roots.push(folders.slice(0, n).join('/') + '/');
  }

  // One after the other, deepest first, so the search stops at the site's own root, before a site above it (the
  // intranet's home), which may have a 404.html of its own.
  function find(i) {
    if (i >= roots.length) {
      return Promise.resolve(null);
    }
    // The answer's (empty) body is read to its end: one left unread is cancelled by the browser, a failed request.
    return fetch(roots[i] + '404.html', { method: 'HEAD', cache: 'no-store' })
      .then(function (response) { return response.text().then(function () { return response.ok; }); })
      .then(function (found) { return found ? roots[i] : find(i + 1); }, function () { return find(i + 1); });
  }

  function rewrite(root) {
    var elements = document.querySelectorAll('[href], [src], [action], [data-site-root]');
    for (var i = 0; i < elements.length; i++) {
      for (var j = 0; j < attributes.length; j++) {
        var value = elements[i].getAttribute(attributes[j]);
        if (value !== null && value.indexOf(written) === 0) {
          elements[i].setAttribute(attributes[j], root + value.slice(written.length));
        }
      }
    }
  }

  // A file share has no server, so it never shows this page, and fetch cannot ask it anything.
  if (location.protocol !== 'http:' && location.protocol !== 'https:') {
    return;
  }
  find(0).then(function (root) {
    if (root === null || root === written) {
      return;
    }
    if (document.readyState === 'loading') {
      document.addEventListener('DOMContentLoaded', function () { rewrite(root); });
    } else {
      rewrite(root);
    }
  });
})();
