"""`SimulationRun`: one computation per run key, shared by every block and page that needs it."""

from __future__ import annotations

from typing import Any

from django.db import models
from django.utils import timezone


class SimulationRun(models.Model):
    """The state and output files of one run key (see `simulations.keys`)."""

    class Status(models.TextChoices):
        QUEUED = "queued", "Queued"
        RUNNING = "running", "Running"
        DONE = "done", "Done"
        FAILED = "failed", "Failed"

    key = models.CharField(max_length=64, unique=True, help_text="sha256 of solver, version, parameters and figure format.")
    solver = models.CharField(max_length=100, db_index=True)
    version = models.CharField(max_length=40)
    params = models.JSONField(help_text="Normalised parameters (defaults filled).")
    params_digest = models.CharField(max_length=64, db_index=True, help_text="Solver and parameters without the version.")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED, db_index=True)
    attempts = models.PositiveIntegerField(default=0)
    claim = models.CharField(max_length=64, blank=True, help_text="Token of the execution that holds the run.")
    worker = models.CharField(max_length=200, blank=True)
    error = models.TextField(blank=True)
    traceback = models.TextField(blank=True)
    files = models.JSONField(default=dict, blank=True, help_text="Storage names and sizes of the figures and data.")
    quantities = models.JSONField(default=dict, blank=True)
    compute_seconds = models.FloatField(null=True, blank=True)
    render_seconds = models.FloatField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    queued_at = models.DateTimeField(null=True, blank=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["solver", "params_digest", "status"])]

    def __str__(self) -> str:
        return f"{self.solver} v{self.version} [{self.key[:12]}] {self.status}"

    @property
    def is_done(self) -> bool:
        return self.status == self.Status.DONE

    @property
    def duration(self) -> float | None:
        """Seconds from start to finish of the last execution."""
        if self.started_at and self.finished_at:
            return (self.finished_at - self.started_at).total_seconds()
        return None

    @property
    def short_key(self) -> str:
        """The first twelve hex digits of the key, for listings."""
        return self.key[:12]

    @property
    def duration_text(self) -> str:
        """The duration for listings."""
        return f"{self.duration:.2f} s" if self.duration is not None else "—"

    def figure(self, name: str) -> dict[str, Any] | None:
        """The stored files of one figure: {'svg', 'png', 'width', 'height'} storage names and size."""
        return self.files.get("figures", {}).get(name)

