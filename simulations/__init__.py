"""The solver plugin system: interface, registry, built-in solvers, runs, cache and tasks.

Nothing in this package knows about pages; `blog` and `timeline` use it, never the reverse.
"""
