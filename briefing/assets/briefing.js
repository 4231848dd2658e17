/* briefing: entity tooltips, and turning highlighting off or filtering it by entity type. Works
   with and without mkdocs-material's instant navigation; remembers the choice for the session.

   Tooltips: a mention's type and description come from its `data-bf-tip` attribute and are shown
   with textContent only, so article text stays text (the theme's `content.tooltips` renders a
   title as HTML and is not used). Hover or keyboard focus shows the tooltip, Escape hides it; on a
   touch screen the first tap on a mention shows it and a second tap follows the link. */
(function () {
  "use strict";
  var TIP = "bf-tip", tip = null, current = null, tapped = null, touch = false, hideTimer = 0;
  function mention(node) {
    return node && node.closest ? node.closest("a[data-bf-tip]") : null;
  }
  function tipElement() {
    if (!tip || !document.body.contains(tip)) {
      tip = document.createElement("div");
      tip.id = TIP;
      tip.className = "bf-tip";
      tip.setAttribute("role", "tooltip");
      tip.hidden = true;
      document.body.appendChild(tip);
    }
    return tip;
  }
  function show(link) {
    var el = tipElement(), r, w, h, left, top;
    clearTimeout(hideTimer);
    if (current && current !== link) { current.removeAttribute("aria-describedby"); }
    current = link;
    el.textContent = link.getAttribute("data-bf-tip") || "";
    el.style.left = "0px";
    el.style.top = "0px";
    el.hidden = false;
    r = link.getBoundingClientRect();
    w = el.offsetWidth;
    h = el.offsetHeight;
    left = Math.max(8, Math.min(r.left, document.documentElement.clientWidth - w - 8));
    top = r.bottom + 6;
    if (top + h > window.innerHeight && r.top - h - 6 > 0) { top = r.top - h - 6; }
    el.style.left = (left + window.scrollX) + "px";
    el.style.top = (top + window.scrollY) + "px";
    link.setAttribute("aria-describedby", TIP);
  }
  function hide() {
    clearTimeout(hideTimer);
    if (tip) { tip.hidden = true; }
    if (current) { current.removeAttribute("aria-describedby"); }
    current = null;
    tapped = null;
  }
  function hideSoon() {  /* time to move the pointer onto the tooltip, which then stays */
    clearTimeout(hideTimer);
    hideTimer = setTimeout(hide, 300);
  }
  function listen() {
    document.addEventListener("pointerdown", function (e) {
      touch = e.pointerType === "touch" || e.pointerType === "pen";
    }, true);
    document.addEventListener("keydown", function (e) {
      touch = false;
      if (e.key === "Escape" || e.key === "Esc") { hide(); }
    }, true);
    document.addEventListener("mouseover", function (e) {
      var link = mention(e.target);
      if (link) { show(link); } else if (tip && tip.contains(e.target)) { clearTimeout(hideTimer); }
    });
    document.addEventListener("mouseout", function (e) {
      if ((mention(e.target) || (tip && tip.contains(e.target))) && !touch) { hideSoon(); }
    });
    document.addEventListener("focusin", function (e) {
      var link = mention(e.target);
      if (link) { show(link); }
    });
    document.addEventListener("focusout", function (e) {
      if (mention(e.target) && !touch) { hide(); }
    });
    document.addEventListener("click", function (e) {
      var link = mention(e.target);
      if (link && touch && tapped !== link) {
        e.preventDefault();  /* first tap: show what the mention is; a second tap follows it */
        show(link);
        tapped = link;
      } else if (!link && !(tip && tip.contains(e.target))) {
        hide();
      }
    }, true);
    window.addEventListener("resize", hide);
  }
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
    hide();
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
  listen();
  if (typeof window.document$ !== "undefined" && window.document$.subscribe) {
    window.document$.subscribe(setup);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setup);
  } else {
    setup();
  }
})();
