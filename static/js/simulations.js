/* Pending simulation figures: poll the run's status with backoff, swap the figure in when done. */
(function () {
  "use strict";

  function figureHtml(figure, alt) {
    var picture = document.createElement("picture");
    picture.className = "simulation__image";
    var source = document.createElement("source");
    source.type = "image/svg+xml";
    source.srcset = figure.svg;
    var img = document.createElement("img");
    img.src = figure.png;
    img.width = figure.width;
    img.height = figure.height;
    img.alt = alt;
    img.decoding = "async";
    picture.appendChild(source);
    picture.appendChild(img);
    return picture;
  }

  function setStatus(el, text) {
    var status = el.querySelector(".simulation__status");
    if (status) status.textContent = text;
  }

  function poll(el) {
    var url = el.dataset.statusUrl;
    var delay = 1000;
    var maxDelay = 15000;
    var deadline = Date.now() + 30 * 60 * 1000;

    function again() {
      if (Date.now() > deadline) return;
      window.setTimeout(tick, delay);
      delay = Math.min(maxDelay, Math.round(delay * 1.6));
    }

    function tick() {
      fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" })
        .then(function (response) {
          if (!response.ok) throw new Error("status " + response.status);
          return response.json();
        })
        .then(function (run) {
          el.dataset.status = run.status;
          el.className = el.className.replace(/simulation--(queued|running|failed|done)/, "simulation--" + run.status);
          if (run.status === "done") {
            var wanted = (el.dataset.show || "").split(",").filter(Boolean);
            var names = Object.keys(run.figures || {});
            var chosen = wanted.filter(function (n) { return names.indexOf(n) >= 0; });
            if (!chosen.length) chosen = names;
            var alt = el.dataset.alt || "Simulation figure";
            var placeholder = el.querySelector(".simulation__placeholder");
            var fragment = document.createDocumentFragment();
            chosen.forEach(function (name) { fragment.appendChild(figureHtml(run.figures[name], alt)); });
            el.querySelectorAll(".simulation__image").forEach(function (node) { node.remove(); });
            var caption = el.querySelector("figcaption");
            el.insertBefore(fragment, placeholder || caption);
            if (placeholder) placeholder.remove();
            var note = el.querySelector(".simulation__status");
            if (note) note.remove();
            el.classList.remove("simulation--updating");
            return;
          }
          if (run.status === "failed") {
            setStatus(el, "This figure could not be computed." + (run.error ? " " + run.error : ""));
            return;
          }
          setStatus(el, run.status === "running" ? "Computing this figure…" : "This figure is queued for computation…");
          again();
        })
        .catch(again);
    }

    tick();
  }

  function start() {
    document.querySelectorAll(".simulation[data-status-url]").forEach(function (el) {
      if (el.dataset.status !== "done") poll(el);
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
