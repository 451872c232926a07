// Moves keyboard and screen-reader focus to the error summary, so people hear what went wrong.
(function () {
  "use strict";
  var summary = document.getElementById("error-summary");
  if (summary) {
    summary.focus();
  }
})();
