"""The Wagtail admin's "Simulation runs": list, filter, inspect, re-run and delete files."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.admin.utils import quote
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.views.decorators.http import require_POST
from wagtail.admin.views.generic import IndexView, InspectView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy

from . import runs
from .models import SimulationRun
from .storage import delete_run_files
from .usage import pages_using


class RunPermissionPolicy(ModelPermissionPolicy):
    """Runs are made by pages, never typed in: editors may view and delete, not add or edit."""

    def user_has_permission(self, user, action):
        if action in ("add", "change", "copy"):
            return False
        return super().user_has_permission(user, action)


class RunIndexView(IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().defer("traceback", "files", "quantities")


class RunInspectView(InspectView):
    template_name = "simulations/admin/inspect_run.html"

    def get_field_label(self, field_name, field):
        if field_name == "pages":
            return "Used by"
        return super().get_field_label(field_name, field)

    def get_duration_display_value(self):
        return f"{self.object.duration:.2f} s" if self.object.duration is not None else "—"

    def get_traceback_display_value(self):
        return format_html("<pre class='run-traceback'>{}</pre>", self.object.traceback) if self.object.traceback else "—"

    def get_pages_display_value(self):
        pages = pages_using(self.object.key)
        if not pages:
            return "No live page or draft uses this run."
        return format_html("<ul>{}</ul>", format_html_join("", "<li><a href='{}'>{}</a></li>", ((url, title) for title, url in pages)))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["rerun_url"] = reverse("simulation_runs:rerun", args=[quote(self.object.pk)])
        context["delete_files_url"] = reverse("simulation_runs:delete_files", args=[quote(self.object.pk)])
        context["can_act"] = self.request.user.has_perm("simulations.delete_simulationrun")
        return context


class SimulationRunViewSet(ModelViewSet):
    """Every run with its status, timings, worker and errors; filters by status and solver."""

    model = SimulationRun
    name = "simulation_runs"
    icon = "cogs"
    menu_label = "Simulation runs"
    menu_order = 900
    add_to_admin_menu = True
    copy_view_enabled = False
    # Runs have no edit form (the permission policy forbids add and change); Wagtail still asks.
    form_fields = ["status"]
    inspect_view_enabled = True
    index_view_class = RunIndexView
    inspect_view_class = RunInspectView
    list_display = ["solver", "version", "status", "short_key", "queued_at", "started_at", "finished_at", "duration_text", "worker"]
    list_filter = ["status", "solver"]
    search_fields = ["key", "solver"]
    inspect_view_fields = [
        "key", "solver", "version", "params", "status", "attempts", "queued_at", "started_at", "finished_at",
        "duration", "worker", "compute_seconds", "render_seconds", "quantities", "error", "traceback", "files", "pages",
    ]

    def get_urlpatterns(self):
        from django.urls import path

        return [
            *super().get_urlpatterns(),
            path("rerun/<int:pk>/", rerun_view, name="rerun"),
            path("delete-files/<int:pk>/", delete_files_view, name="delete_files"),
        ]


def _check(request) -> None:
    if not request.user.has_perm("simulations.delete_simulationrun"):
        raise PermissionDenied


@require_POST
def rerun_view(request, pk: int):
    """Queue a run again (after a solver fix, or to recompute its files)."""
    _check(request)
    run = get_object_or_404(SimulationRun, pk=pk)
    if run.status == SimulationRun.Status.RUNNING:
        messages.warning(request, "This run is computing now; wait for it to finish.")
    elif runs.rerun(run.key):
        messages.success(request, f"Run {run.key[:12]} of {run.solver} is queued again.")
    else:
        messages.error(request, "The run could not be queued.")
    return redirect("simulation_runs:inspect", quote(pk))


@require_POST
def delete_files_view(request, pk: int):
    """Delete a run's cached files; the run goes back to queued so pages do not break."""
    _check(request)
    run = get_object_or_404(SimulationRun, pk=pk)
    if run.status == SimulationRun.Status.RUNNING:
        messages.warning(request, "This run is computing now; wait for it to finish.")
        return redirect("simulation_runs:inspect", quote(pk))
    deleted = delete_run_files(run.key)
    SimulationRun.objects.filter(pk=pk).update(status=SimulationRun.Status.QUEUED, files={}, queued_at=None, attempts=0)
    messages.success(request, f"Deleted {len(deleted)} files; the run is queued to be computed again when a page needs it.")
    runs.queue_run(run.key)
    return redirect("simulation_runs:inspect", quote(pk))
