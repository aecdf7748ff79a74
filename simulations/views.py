"""The run status endpoint that pending figures poll: JSON, read-only, never a 500."""

from __future__ import annotations

import json

from django.http import Http404, HttpRequest, JsonResponse
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from . import runs
from .errors import ParameterError, UnknownSolverError
from .models import SimulationRun
from .presentation import data_urls, figure_urls, is_editor
from .storage import KEY

Status = SimulationRun.Status


@require_GET
def run_status(request: HttpRequest, key: str) -> JsonResponse:
    """`{status, figures, data}` of a run an editor created; 404 for any other key."""
    if not KEY.match(key):
        raise Http404("Not a run key.")
    run = SimulationRun.objects.filter(key=key).first()
    if run is None:
        raise Http404("No such run.")
    if run.status == Status.QUEUED:
        # The task may have been lost while the broker was down; this re-sends an existing
        # run at most once per interval and never creates one.
        runs.queue_run(run.key)
    body = {"key": run.key, "solver": run.solver, "version": run.version, "status": run.status}
    if run.status == Status.DONE:
        body["figures"] = {figure["name"]: figure for figure in figure_urls(run)}
        body["data"] = data_urls(run)
    if run.status == Status.FAILED and is_editor(request):
        body["error"] = run.error
    response = JsonResponse(body)
    # Done runs never change (a new version is a new key); anything else is about to.
    response["Cache-Control"] = "public, max-age=86400, immutable" if run.status == Status.DONE else "no-store"
    return response


@require_POST
def request_run(request: HttpRequest) -> JsonResponse:
    """Editors only: validate `{solver, params}` and ensure its run; 400 names each bad field."""
    if not is_editor(request):
        return JsonResponse({"error": "Only editors can request simulation runs."}, status=403)
    try:
        payload = json.loads(request.body or b"{}")
    except (ValueError, UnicodeDecodeError):
        return JsonResponse({"errors": {"__all__": "The body must be a JSON object."}}, status=400)
    if not isinstance(payload, dict) or not isinstance(payload.get("params", {}), dict):
        return JsonResponse({"errors": {"__all__": "Expected {\"solver\": name, \"params\": {...}}."}}, status=400)
    solver = payload.get("solver")
    if not isinstance(solver, str):
        return JsonResponse({"errors": {"solver": "Give a solver name."}}, status=400)
    try:
        run = runs.ensure_run(solver, payload.get("params") or {})
    except UnknownSolverError as error:
        return JsonResponse({"errors": {"solver": str(error)}}, status=400)
    except ParameterError as error:
        return JsonResponse({"errors": error.errors}, status=400)
    return JsonResponse(
        {"key": run.key, "status": run.status, "status_url": reverse("simulation-run-status", args=[run.key])},
        status=200 if run.status == Status.DONE else 202,
    )
