// Moves keyboard and screen-reader focus to the error summary, so people hear what went wrong.
(function () {
  "use strict";
  var summary = document.getElementById("error-summary");
  if (summary) summary.focus();
})();

// Where the browser does not do it itself: open the card a link points into, and print all open.
(function () {
  "use strict";
  function reveal() {
    var el = location.hash && document.getElementById(location.hash.slice(1));
    var card = el && el.closest("details:not([open])");
    if (card) (card.open = true), el.scrollIntoView();
  }
  addEventListener("hashchange", reveal);
  reveal();
  var shut = [];
  addEventListener("beforeprint", function () {
    shut = [].slice.call(document.querySelectorAll("details:not([open])"));
    shut.forEach(function (d) { d.open = true; });
  });
  addEventListener("afterprint", function () {
    shut.forEach(function (d) { d.open = false; });
  });
})();
