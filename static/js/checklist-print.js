// The checklist's Print button: shown only when this script runs, so it never does nothing.
(function () {
  "use strict";
  var buttons = document.querySelectorAll(".js-print");
  if (typeof window.print !== "function") { return; }
  Array.prototype.forEach.call(buttons, function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  });
  // On a kiosk, offer Finish and clear as soon as printing is done.
  window.addEventListener("afterprint", function () {
    var finish = document.querySelector(".checklist-actions .btn-finish");
    if (finish) { finish.focus(); }
  });
})();
