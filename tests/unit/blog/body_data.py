"""Raw StreamField data for a post that uses every block type."""

EVERY_BLOCK_BODY = [
    {"type": "heading", "value": {"text": "The model", "level": "h2", "anchor": ""}},
    {
        "type": "paragraph",
        "value": r"<p>The energy is $H = -\sum_{i&lt;j} J_{ij} s_i s_j$ \cite{sk1975}; its free energy is \eqref{eq:free}, see also[^fn1].</p>",
    },
    {"type": "equation", "value": {"latex": r"-\beta f = \frac{\beta^2 J^2}{4}(1-q)^2", "numbered": True, "label": "eq:free"}},
    {"type": "equation", "value": {"latex": r"q = \int Dz \tanh^2(\beta J \sqrt{q} z) \label{eq:q}", "numbered": True, "label": ""}},
    {"type": "equation", "value": {"latex": r"m = \int Dz \tanh(\cdot)", "numbered": False, "label": ""}},
    {"type": "heading", "value": {"text": "Stability", "level": "h3", "anchor": "stability"}},
    {
        "type": "derivation",
        "value": {
            "summary": "Deriving the AT line",
            "open": False,
            "body": [
                {"type": "paragraph", "value": r"<p>Differentiate \eqref{eq:q} to get</p>"},
                {"type": "equation", "value": {"latex": r"1 = (\beta J)^2 \int Dz \operatorname{sech}^4", "numbered": True, "label": "eq:at"}},
            ],
        },
    },
    {"type": "code", "value": {"language": "python", "code": "import numpy as np\nq = np.tanh(1.0) ** 2", "caption": "Fixed point"}},
    {"type": "callout", "value": {"kind": "theorem", "title": "AT stability", "body": r"<p>Stable iff \eqref{eq:at} fails, with $\beta J &lt; 1$.</p>"}},
    {"type": "quote", "value": {"text": "<p>More is different.</p>", "attribution": "P. W. Anderson"}},
    {"type": "footnote", "value": {"label": "fn1", "text": "<p>A footnote with $x^2$.</p>"}},
]
