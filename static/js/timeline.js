/* Timeline filters: by group (chips) and tag (select), all in the page, no network.
 * The state lives in the URL's query (?group=..&tag=..) so a filtered view can be shared;
 * a #unique_id anchor still scrolls to its entry, which is shown even if filtered out. */
(function () {
  "use strict";

  function init() {
    var bar = document.querySelector("[data-timeline-filters]");
    if (!bar) return;
    var entries = Array.prototype.slice.call(document.querySelectorAll(".tl-entry"));
    var sections = Array.prototype.slice.call(document.querySelectorAll(".tl-section"));
    var chips = Array.prototype.slice.call(bar.querySelectorAll("[data-filter-group]"));
    var select = bar.querySelector("[data-filter-tag]");
    var count = bar.querySelector("[data-filter-count]");
    var none = document.querySelector("[data-filter-none]");
    var params = new URLSearchParams(window.location.search);
    var state = { group: params.get("group") || "", tag: params.get("tag") || "" };

    function apply(updateUrl) {
      var target = window.location.hash.slice(1);
      var shown = 0;
      entries.forEach(function (entry) {
        var tags = (entry.dataset.tags || "").split(" ");
        var ok = (!state.group || entry.dataset.group === state.group) &&
                 (!state.tag || tags.indexOf(state.tag) !== -1);
        if (entry.id === target) ok = true;
        entry.hidden = !ok;
        if (ok) shown += 1;
      });
      sections.forEach(function (section) {
        section.hidden = !section.querySelector(".tl-entry:not([hidden])");
      });
      chips.forEach(function (chip) {
        chip.setAttribute("aria-pressed", String(chip.dataset.filterGroup === state.group));
      });
      if (select) select.value = state.tag;
      if (count) count.textContent = shown + " of " + entries.length + " shown";
      if (none) none.hidden = shown !== 0;
      if (updateUrl && window.history && window.history.replaceState) {
        var query = new URLSearchParams();
        if (state.group) query.set("group", state.group);
        if (state.tag) query.set("tag", state.tag);
        var search = query.toString();
        window.history.replaceState(null, "", window.location.pathname + (search ? "?" + search : "") + window.location.hash);
      }
    }

    chips.forEach(function (chip) {
      chip.addEventListener("click", function () {
        state.group = chip.dataset.filterGroup;
        apply(true);
      });
    });
    if (select) {
      select.addEventListener("change", function () {
        state.tag = select.value;
        apply(true);
      });
    }
    window.addEventListener("hashchange", function () { apply(false); });
    bar.hidden = false;
    apply(false);
    // Filtering changed the page's height after the browser scrolled to #unique_id: scroll again.
    var target = window.location.hash && document.getElementById(window.location.hash.slice(1));
    if (target) target.scrollIntoView();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
