/* Typeset math with the KaTeX we serve ourselves.
 * Display equations and errata formulas are elements with class "math" whose text is LaTeX;
 * inline math in prose uses $...$ or \(...\). Bad LaTeX becomes a red marker in place
 * (throwOnError: false), so one broken formula never stops the rest of the page. */
(function () {
  "use strict";

  var options = {
    throwOnError: false,
    errorColor: "#b3261e",
    strict: "ignore",
    // Only in-page links (\eqref inside equations becomes \href{#eq-...}); nothing else is trusted.
    trust: function (context) {
      return context.command === "\\href" && /^#[A-Za-z0-9:_.\-]+$/.test(context.url);
    },
    macros: {
      "\\E": "\\mathbb{E}",
      "\\R": "\\mathbb{R}",
      "\\sech": "\\operatorname{sech}",
      "\\erf": "\\operatorname{erf}",
      "\\erfc": "\\operatorname{erfc}",
      "\\Tr": "\\operatorname{Tr}",
      "\\d": "\\mathrm{d}"
    }
  };

  function renderElement(el) {
    if (el.dataset.rendered) return;
    var tex = el.textContent;
    try {
      katex.render(tex, el, Object.assign({}, options, { displayMode: el.dataset.display === "true" }));
      el.dataset.rendered = "true";
      el.setAttribute("data-tex", tex);
    } catch (err) {
      el.classList.add("math--error");
      el.title = String(err && err.message ? err.message : err);
    }
  }

  function typeset(root) {
    root = root || document;
    if (typeof katex === "undefined") return;
    root.querySelectorAll(".math").forEach(renderElement);
    if (typeof renderMathInElement === "function") {
      root.querySelectorAll(".prose").forEach(function (el) {
        renderMathInElement(el, Object.assign({}, options, {
          delimiters: [
            { left: "$$", right: "$$", display: true },
            { left: "\\[", right: "\\]", display: true },
            { left: "$", right: "$", display: false },
            { left: "\\(", right: "\\)", display: false }
          ],
          ignoredTags: ["script", "noscript", "style", "textarea", "pre", "code", "option"],
          ignoredClasses: ["math", "katex", "highlight"]
        }));
      });
    }
    document.documentElement.classList.add("math-typeset");
  }

  window.blogTypeset = typeset;
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () { typeset(document); });
  } else {
    typeset(document);
  }
})();
