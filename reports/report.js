// mtaudit report: filters, keyboard navigation and the details panel. No network, no eval.
(function () {
  "use strict";
  var marks = Array.prototype.slice.call(document.querySelectorAll("mark.finding"));
  var items = Array.prototype.slice.call(document.querySelectorAll("li.finding-item"));
  var panel = document.getElementById("panel");
  var filters = document.getElementById("filters");
  var shown = document.getElementById("shown");
  var current = -1;

  function checked(name) {
    var on = {};
    if (!filters) { return null; }
    filters.querySelectorAll("input[name=" + name + "]").forEach(function (box) { on[box.value] = box.checked; });
    return on;
  }

  function applyFilters() {
    var severities = checked("severity"), categories = checked("category"), visible = 0;
    marks.forEach(function (mark) {
      var on = !severities || (severities[mark.dataset.severity] && categories[mark.dataset.category]);
      mark.classList.toggle("off", !on);
      if (on) { visible += 1; }
    });
    items.forEach(function (item) {
      item.classList.toggle("off", !!severities && !(severities[item.dataset.severity] && categories[item.dataset.category]));
    });
    if (shown) { shown.textContent = visible + " of " + marks.length + " findings shown"; }
  }

  function show(mark) {
    panel.querySelectorAll("[data-field]").forEach(function (field) {
      field.textContent = mark.dataset[field.dataset.field] || "";
    });
    panel.querySelector(".panel-suggestion").hidden = mark.dataset.hasSuggestion !== "yes";
    panel.hidden = false;
    marks.forEach(function (m) { m.classList.remove("current"); });
    mark.classList.add("current");
    reveal(mark);
  }

  // The finding's entry in its document's list, marked and scrolled into the list's view.
  function reveal(mark) {
    var entry = null;
    items.forEach(function (item) {
      var on = item.dataset.mark === mark.id;
      item.classList.toggle("current", on);
      if (on) { entry = item; }
    });
    if (!entry) { return; }
    var list = entry.closest(".doc-findings");
    list.scrollTop += entry.getBoundingClientRect().top - list.getBoundingClientRect().top - 8;
  }

  function step(direction) {
    var on = marks.filter(function (m) { return !m.classList.contains("off"); });
    if (!on.length) { return; }
    var position = on.indexOf(marks[current]);
    position = position < 0 ? (direction > 0 ? 0 : on.length - 1) : (position + direction + on.length) % on.length;
    current = marks.indexOf(on[position]);
    var fold = on[position].closest("details");
    if (fold) { fold.open = true; }
    on[position].focus({ preventScroll: true });
    on[position].scrollIntoView({ block: "center" });
    show(on[position]);
  }

  marks.forEach(function (mark, index) {
    function select(event) {
      if (mark.classList.contains("off")) { return; }
      event.stopPropagation();
      current = index;
      show(mark);
    }
    mark.addEventListener("click", select);
    mark.addEventListener("focus", select);
  });
  items.forEach(function (item) {
    item.addEventListener("click", function () {
      var mark = document.getElementById(item.dataset.mark);
      mark.scrollIntoView({ block: "center" });
      mark.focus({ preventScroll: true });
    });
  });
  if (filters) { filters.addEventListener("change", applyFilters); }
  panel.querySelector(".close").addEventListener("click", function () { panel.hidden = true; });
  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey || (event.target && event.target.tagName === "INPUT" && event.target.type !== "checkbox")) { return; }
    if (event.key === "j" || event.key === "n") { step(1); event.preventDefault(); }
    else if (event.key === "k" || event.key === "p") { step(-1); event.preventDefault(); }
    else if (event.key === "Escape") { panel.hidden = true; }
  });
  applyFilters();
})();
