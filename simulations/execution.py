"""Compute a run: solve, render each figure once (SVG and PNG), write data and manifest.

Rendering costs several times a typical solve, so it happens here, once per run, and never
on a request. The manifest is written last: its presence means the run's files are whole.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from typing import Any

from .cli import library_versions, reproduce_command
from .keys import run_key
from .registry import get_solver
from .storage import run_file, write_file

PNG_DPI = 150


@dataclass
class RunOutput:
    """What `execute` produced: stored file names and timings."""

    files: dict[str, Any]
    quantities: dict[str, Any]
    compute_seconds: float
    render_seconds: float


def render_figures(solver_name: str, result) -> tuple[dict[str, dict[str, Any]], dict[str, bytes]]:
    """Render every figure of a result to SVG and PNG; return (figure metadata, file bytes)."""
    from .style import render

    solver = get_solver(solver_name)
    metadata: dict[str, dict[str, Any]] = {}
    blobs: dict[str, bytes] = {}
    for name, figure in solver.figures(result).items():
        width, height = figure.get_size_inches()
        figure.set_dpi(PNG_DPI)
        blobs[f"{name}.svg"] = render(figure, "svg")
        blobs[f"{name}.png"] = render(figure, "png")
        metadata[name] = {
            "svg": f"{name}.svg",
            "png": f"{name}.png",
            "width": round(width * PNG_DPI),
            "height": round(height * PNG_DPI),
        }
    return metadata, blobs


def execute(solver_name: str, params: dict[str, Any], key: str | None = None) -> RunOutput:
    """Solve, render and store one run; every file is written before this returns."""
    solver = get_solver(solver_name)
    key = key or run_key(solver.name, solver.version, solver.normalise_params(params))
    started = time.perf_counter()
    result = solver.run(params)
    compute_seconds = time.perf_counter() - started

    started = time.perf_counter()
    figures, blobs = render_figures(solver.name, result)
    render_seconds = time.perf_counter() - started

    blobs["data.json"] = result.to_json(solver.name, solver.version, indent=None).encode()
    blobs["data.csv"] = result.to_csv().encode()
    manifest = {
        "key": key,
        "solver": solver.name,
        "version": solver.version,
        "params": result.params,
        "seed": result.params.get("seed"),
        "figures": figures,
        "compute_seconds": round(compute_seconds, 4),
        "render_seconds": round(render_seconds, 4),
        "libraries": library_versions(),
        "command": reproduce_command(solver.name, result.params, out="figures/"),
    }
    for filename, content in blobs.items():
        write_file(run_file(key, filename), content)
    write_file(run_file(key, "manifest.json"), json.dumps(manifest, indent=2).encode())

    files = {
        "figures": {
            name: {**info, "svg": run_file(key, info["svg"]), "png": run_file(key, info["png"])}
            for name, info in figures.items()
        },
        "data_json": run_file(key, "data.json"),
        "data_csv": run_file(key, "data.csv"),
        "manifest": run_file(key, "manifest.json"),
    }
    return RunOutput(files, result.quantities_json(), compute_seconds, render_seconds)
