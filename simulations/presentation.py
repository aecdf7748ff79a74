"""What a simulation block shows: the run's state and figure URLs, for templates and the API.

Page views only read runs here; they never create or queue one, so readers cannot make the
server compute anything an editor did not publish or preview.
"""

from __future__ import annotations

from typing import Any

from django.core.files.storage import default_storage
from django.urls import reverse

from .cli import reproduce_command
from .errors import ParameterError
from .keys import params_digest, run_key
from .models import SimulationRun

Status = SimulationRun.Status


def is_editor(request) -> bool:
    """Whether the viewer may see solver errors (anyone who can use the Wagtail admin)."""
    user = getattr(request, "user", None)
    return bool(user and user.is_authenticated and user.has_perm("wagtailadmin.access_admin"))


def figure_urls(run: SimulationRun, names: list[str] | None = None) -> list[dict[str, Any]]:
    """URLs and pixel sizes of a done run's figures, in the solver's order."""
    figures = run.files.get("figures", {})
    chosen = [name for name in (names or list(figures)) if name in figures] or list(figures)
    return [
        {
            "name": name,
            "svg": default_storage.url(figures[name]["svg"]),
            "png": default_storage.url(figures[name]["png"]),
            "width": figures[name]["width"],
            "height": figures[name]["height"],
        }
        for name in chosen
    ]


def data_urls(run: SimulationRun) -> dict[str, str]:
    """URLs of a done run's data files and manifest."""
    names = {"json": run.files.get("data_json"), "csv": run.files.get("data_csv"), "manifest": run.files.get("manifest")}
    return {kind: default_storage.url(name) for kind, name in names.items() if name}


def resolve(block, value) -> tuple[str | None, dict[str, Any], SimulationRun | None, SimulationRun | None]:
    """(key, normalised params, the run for the key, an older done run of the same parameters)."""
    solver = block.solver
    try:
        params = solver.normalise_params(block.raw_params(value))
    except ParameterError:
        return None, {}, None, None
    key = run_key(solver.name, solver.version, params)
    run = SimulationRun.objects.filter(key=key).first()
    previous = None
    if run is None or run.status != Status.DONE:
        previous = (
            SimulationRun.objects.filter(
                solver=solver.name, params_digest=params_digest(solver.name, params), status=Status.DONE
            )
            .exclude(key=key)
            .order_by("-finished_at")
            .first()
        )
    return key, params, run, previous


def present_block(block, value, request) -> dict[str, Any]:
    """Template context of a simulation block."""
    key, params, run, previous = resolve(block, value)
    status = run.status if run else Status.QUEUED
    shown = run if run and run.status == Status.DONE else previous
    names = list(value.get("show_figures") or [])
    first_figure = (block.solver.figure_names[:1] or [None])[0]
    return {
        "solver": block.solver,
        "key": key,
        "params": params,
        "run": run,
        "status": status,
        "status_url": reverse("simulation-run-status", args=[key]) if key else "",
        "figures": figure_urls(shown, names) if shown else [],
        "data": data_urls(shown) if shown else {},
        "updating": shown is previous and previous is not None,
        "placeholder_names": names or ([first_figure] if first_figure else []),
        "show_error": is_editor(request),
        "reproduce": reproduce_command(block.solver.name, params),
    }


def api_representation(block, value, request) -> dict[str, Any]:
    """The block as headless clients see it (Wagtail API v2)."""
    key, params, run, previous = resolve(block, value)
    shown = run if run and run.status == Status.DONE else previous
    figures = {
        figure["name"]: {key_: figure[key_] for key_ in ("svg", "png", "width", "height")}
        for figure in (figure_urls(shown, list(value.get("show_figures") or [])) if shown else [])
    }
    if request is not None:
        for figure in figures.values():
            figure["svg"] = request.build_absolute_uri(figure["svg"])
            figure["png"] = request.build_absolute_uri(figure["png"])
    data = data_urls(shown) if shown else {}
    return {
        "solver": block.solver.name,
        "version": block.solver.version,
        "params": params,
        "key": key,
        "status": run.status if run else Status.QUEUED,
        "figures": figures,
        "data": {kind: url for kind, url in data.items() if kind != "manifest"},
        "manifest": data.get("manifest"),
        "caption": str(value.get("caption") or ""),
    }
