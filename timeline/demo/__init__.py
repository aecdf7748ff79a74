"""Demo timelines: `load_timelines(index_page)` creates or updates both, idempotently."""

from .loader import load_timelines

__all__ = ["load_timelines"]
