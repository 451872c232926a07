// Kiosk idle timer: warn after a quiet spell, then clear the visit. The server enforces the same
// limit on its own, so this only makes the reset visible and kind; nothing depends on it.
(function () {
  "use strict";
  var body = document.body;
  var idleMs = parseInt(body.getAttribute("data-kiosk-idle"), 10) * 1000;
  var warnSeconds = parseInt(body.getAttribute("data-kiosk-warning"), 10);
  var dialog = document.getElementById("kiosk-warning");
  if (!idleMs || !warnSeconds || !dialog) return;

  var title = document.getElementById("kiosk-warning-title");
  var countdown = document.getElementById("kiosk-countdown");
  var stay = document.getElementById("kiosk-continue");
  var clearForm = document.getElementById("kiosk-clear-form");
  var aliveUrl = body.getAttribute("data-kiosk-alive") || "/kiosk/alive/";
  var idleTimer = null;
  var tick = null;
  var lastPing = Date.now();
  var returnFocus = null;

  function ping() {
    // Tell the server someone is here, at most twice a minute.
    if (Date.now() - lastPing < 30000) return;
    lastPing = Date.now();
    fetch(aliveUrl, { credentials: "same-origin", cache: "no-store" }).catch(function () {});
  }

  function startIdleTimer() {
    clearTimeout(idleTimer);
    idleTimer = setTimeout(warn, idleMs);
  }

  function warn() {
    var left = warnSeconds;
    returnFocus = document.activeElement;
    countdown.textContent = String(left);
    dialog.hidden = false;
    title.focus();
    tick = setInterval(function () {
      left -= 1;
      countdown.textContent = String(Math.max(left, 0));
      if (left <= 0) {
        clearInterval(tick);
        clearForm.submit();
      }
    }, 1000);
  }

  function carryOn() {
    clearInterval(tick);
    dialog.hidden = true;
    lastPing = 0;
    ping();
    startIdleTimer();
    if (returnFocus && returnFocus.focus) returnFocus.focus();
  }

  function activity() {
    if (!dialog.hidden) return;
    ping();
    startIdleTimer();
  }

  stay.addEventListener("click", carryOn);
  dialog.addEventListener("keydown", function (event) {
    if (event.key === "Escape") { carryOn(); return; }
    if (event.key !== "Tab") return;
    var focusable = dialog.querySelectorAll("button");
    var first = focusable[0];
    var last = focusable[focusable.length - 1];
    if (event.shiftKey && document.activeElement === first) { last.focus(); event.preventDefault(); }
    else if (!event.shiftKey && document.activeElement === last) { first.focus(); event.preventDefault(); }
  });
  ["pointerdown", "keydown", "touchstart", "scroll", "input"].forEach(function (name) {
    window.addEventListener(name, activity, { passive: true });
  });
  // A page restored from the back-forward cache must ask the server again.
  window.addEventListener("pageshow", function (event) { if (event.persisted) location.reload(); });
  startIdleTimer();
})();
