// "Exit this page": the button is a plain link and works without this script. With it, the
// page is blanked at once, the visit is replaced in the history (Back does not return to it),
// and pressing Shift three times within five seconds does the same as the button.
(function () {
  "use strict";
  var link = document.querySelector("a.quick-exit");
  if (!link) { return; }
  var target = link.href;
  var status = document.getElementById("quick-exit-status");

  function leave(event) {
    if (event) { event.preventDefault(); }
    document.documentElement.className += " exiting";
    document.title = "";
    window.location.replace(target);
  }

  link.addEventListener("click", leave);

  var presses = [];
  document.addEventListener("keyup", function (event) {
    if (event.key !== "Shift") { return; }
    var now = Date.now();
    presses = presses.filter(function (t) { return now - t < 5000; });
    presses.push(now);
    if (presses.length >= 3) { leave(); return; }
    if (status) { status.textContent = status.getAttribute("data-press").replace("COUNT", String(presses.length)); }
  });
})();
