// Moves keyboard and screen-reader focus to the error summary, so people hear what went wrong.
(function () {
  "use strict";
  var summary = document.getElementById("error-summary");
  if (summary) summary.focus();
})();

// Opens a study card that a link points into (where the browser does not) and every card to print.
(function () {
  "use strict";
  function openTarget() {
    var el = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
    var card = el && el.closest("details");
    if (card && !card.open) {
      card.open = true;
      el.scrollIntoView();
    }
  }
  addEventListener("hashchange", openTarget);
  openTarget();
  var shut = [];
  addEventListener("beforeprint", function () {
    shut = [].slice.call(document.querySelectorAll("details:not([open])"));
    shut.forEach(function (d) { d.open = true; });
  });
  addEventListener("afterprint", function () {
    shut.forEach(function (d) { d.open = false; });
  });
})();
