// Preview only (served by `serve`, never written to _site/): reloads the page after each good
// build, and shows the errors of a failed one over the page, which stays as it last built.
(function () {
  "use strict";
  // Outside what heading and glossary ids are made of (a-z, 0-9, -): « ## Aperçu erreurs » must not be taken for it.
  var overlayId = "__serve-erreurs";

  function removeOverlay() {
    var old = document.getElementById(overlayId);
    if (old) { old.remove(); }
  }

  function showErrors(errors) {
    removeOverlay();
    var overlay = document.createElement("div");
    overlay.id = overlayId;
    overlay.setAttribute("role", "alert");
    overlay.className = "apercu-erreurs";
    var title = document.createElement("p");
    title.className = "apercu-erreurs-titre";
    title.textContent = "La construction a échoué : les pages affichées sont celles de la dernière construction réussie.";
    overlay.appendChild(title);
    var list = document.createElement("ul");
    errors.forEach(function (error) {
      var item = document.createElement("li");
      var where = document.createElement("code");
      where.textContent = error.location;
      item.appendChild(where);
      item.appendChild(document.createTextNode(" : " + error.message + " → " + error.fix));
      list.appendChild(item);
    });
    overlay.appendChild(list);
    document.body.prepend(overlay);
  }

  var events = new EventSource("/__serve/events");
  events.addEventListener("reload", function () { window.location.reload(); });
  events.addEventListener("build-error", function (event) { showErrors(JSON.parse(event.data)); });
})();
