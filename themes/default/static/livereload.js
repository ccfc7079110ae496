// Preview only (putokaz serve): reloads the page as soon as the site has been rebuilt. The
// server answers a request with `since` when the version changes (or after a while, unchanged).
(function () {
  var seen = null;
  function poll() {
    fetch("/__putokaz/version" + (seen === null ? "" : "?since=" + seen), { cache: "no-store" })
      .then(function (r) { return r.text(); })
      .then(function (v) {
        if (seen !== null && v !== seen) { location.reload(); return; }
        seen = v;
        poll();
      })
      .catch(function () { setTimeout(poll, 1000); });
  }
  poll();
})();
