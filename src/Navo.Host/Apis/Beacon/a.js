/* Navo's visit counter: no cookies, no storage. Page views and clicks on the hero's and call-to-action buttons. */
(function (d, n, l) {
  if (n.webdriver || !n.sendBeacon) return;
  var b = new URL("..", d.currentScript.src).pathname,
    p = "/" + l.pathname.slice(b.length).replace(/\/$/, ""),
    r = "";
  try { r = new URL(d.referrer).host; } catch (e) {}
  function s(o) {
    o.p = p;
    o.w = innerWidth;
    if (r && r != l.host) o.r = r;
    n.sendBeacon("_navo/event", JSON.stringify(o));
  }
  s({ k: "v" });
  d.addEventListener("click", function (e) {
    var a = e.target.closest && e.target.closest("a.button"),
      x = a && a.closest("section[data-type]"),
      t = x && x.dataset.type;
    if (t == "hero" || t == "cta") s({ k: "c", t: t });
  }, true);
})(document, navigator, location);
