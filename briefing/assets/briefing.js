/* briefing: turn highlighting off, or filter it by entity type. Works with and without
   mkdocs-material's instant navigation; remembers the choice for the session. */
(function () {
  "use strict";
  var KEY = "briefing-hidden";
  function hidden() {
    try { return JSON.parse(sessionStorage.getItem(KEY) || "[]"); } catch (e) { return []; }
  }
  function apply(list) {
    var body = document.body;
    body.className = body.className.replace(/\bbf-(hide-[a-z]+|plain)\b/g, "").trim();
    list.forEach(function (t) { body.classList.add(t === "all" ? "bf-plain" : "bf-hide-" + t); });
    document.querySelectorAll(".bf-legend [data-type]").forEach(function (el) {
      var off = list.indexOf(el.getAttribute("data-type")) >= 0 || list.indexOf("all") >= 0;
      el.setAttribute("aria-pressed", off ? "false" : "true");
    });
    var all = document.querySelectorAll(".bf-legend .bf-toggle-all");
    all.forEach(function (b) { b.setAttribute("aria-pressed", list.indexOf("all") >= 0 ? "true" : "false"); });
  }
  function save(list) {
    try { sessionStorage.setItem(KEY, JSON.stringify(list)); } catch (e) { /* private mode */ }
    apply(list);
  }
  function setup() {
    document.querySelectorAll(".bf-legend").forEach(function (legend) {
      if (legend.getAttribute("data-ready")) { return; }
      legend.setAttribute("data-ready", "1");
      legend.querySelectorAll("span[data-type]").forEach(function (span) {
        var b = document.createElement("button");
        b.type = "button";
        b.className = span.className;
        b.setAttribute("data-type", span.getAttribute("data-type"));
        b.title = "Show or hide " + span.textContent + " highlights";
        b.textContent = span.textContent;
        b.addEventListener("click", function () {
          var list = hidden(), t = b.getAttribute("data-type"), i = list.indexOf(t);
          if (i >= 0) { list.splice(i, 1); } else { list.push(t); }
          save(list);
        });
        span.replaceWith(b);
      });
      var off = document.createElement("button");
      off.type = "button";
      off.className = "bf-toggle-all";
      off.textContent = "Highlighting off";
      off.addEventListener("click", function () {
        var list = hidden();
        save(list.indexOf("all") >= 0 ? list.filter(function (t) { return t !== "all"; }) : list.concat(["all"]));
      });
      legend.appendChild(off);
    });
    apply(hidden());
  }
  if (typeof window.document$ !== "undefined" && window.document$.subscribe) {
    window.document$.subscribe(setup);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setup);
  } else {
    setup();
  }
})();
