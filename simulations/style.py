"""The house style of solver figures: sizes, palette and fonts, without touching pyplot.

A solver's ``figures`` builds each figure inside ``with house_style():`` (an `rc_context`, so
global matplotlib state never changes) with `new_figure`, and plots inside the same block. Labels use mathtext (``r"$T/J$"``); no TeX install.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from matplotlib.figure import Figure

# Okabe & Ito (2008), distinguishable under the common colour-vision deficiencies.
PALETTE = (
    "#0072B2",  # blue
    "#D55E00",  # vermillion
    "#009E73",  # bluish green
    "#CC79A7",  # reddish purple
    "#E69F00",  # orange
    "#56B4E9",  # sky blue
    "#F0E442",  # yellow
    "#000000",  # black
)

# Inches at 100 dpi: a blog column is about 700 CSS pixels wide.
WIDTHS = {"column": 6.4, "wide": 9.6}

RC = {
    "font.size": 11,
    "axes.titlesize": 11,
    "axes.labelsize": 11,
    "legend.fontsize": 9,
    "xtick.labelsize": 9.5,
    "ytick.labelsize": 9.5,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "grid.alpha": 0.25,
    "grid.linewidth": 0.6,
    "lines.linewidth": 1.8,
    "lines.markersize": 4.5,
    "legend.frameon": False,
    "mathtext.fontset": "cm",
    "font.family": "DejaVu Sans",
    "svg.fonttype": "path",
    "savefig.dpi": 150,
}


@contextmanager
def house_style() -> Iterator[None]:
    """Apply the house rcParams and colour cycle for the duration of the block."""
    import matplotlib as mpl
    from cycler import cycler

    with mpl.rc_context({**RC, "axes.prop_cycle": cycler(color=PALETTE)}):
        yield


def new_figure(width: str = "column", aspect: float = 0.62, nrows: int = 1, ncols: int = 1, **kwargs: Any) -> tuple[Figure, Any]:
    """A pyplot-free `Figure` and its axes in the house style; `width` is 'column' or 'wide'."""
    from matplotlib.figure import Figure

    inches = WIDTHS[width]
    with house_style():
        figure = Figure(figsize=(inches, inches * aspect), layout="constrained")
        axes = figure.subplots(nrows, ncols, squeeze=True, **kwargs)
    return figure, axes


def render(figure: Figure, fmt: str) -> bytes:
    """Render a figure to 'svg' or 'png' bytes in the house style."""
    import io

    if fmt not in ("svg", "png"):
        raise ValueError(f"figure format must be 'svg' or 'png', got {fmt!r}")
    buffer = io.BytesIO()
    with house_style():
        metadata = {"Date": None} if fmt == "svg" else {}  # reproducible SVG bytes
        figure.savefig(buffer, format=fmt, metadata=metadata)
    return buffer.getvalue()
