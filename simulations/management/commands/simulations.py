"""``manage.py simulations prune|requeue``: garbage-collect run files, re-send waiting runs."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from simulations import runs
from simulations.models import SimulationRun
from simulations.storage import delete_run_files, stored_keys
from simulations.usage import referenced_keys


class Command(BaseCommand):
    """Maintenance of simulation runs."""

    help = "prune: delete run files no live page or draft needs (dry run unless --apply). requeue: send waiting runs again."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        prune = sub.add_parser("prune", help="delete files of runs that no live page or draft revision references")
        prune.add_argument("--apply", action="store_true", help="really delete (the default only prints)")
        sub.add_parser("requeue", help="send every queued run whose task may have been lost")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["action"] == "requeue":
            keys = runs.requeue_waiting()
            self.stdout.write(f"Queued {len(keys)} run(s) again.")
            return
        self._prune(apply=options["apply"])

    def _prune(self, apply: bool) -> None:
        needed = referenced_keys()
        running = set(SimulationRun.objects.filter(status=SimulationRun.Status.RUNNING).values_list("key", flat=True))
        candidates = [key for key in stored_keys() if key not in needed and key not in running]
        verb = "Deleting" if apply else "Would delete"
        for key in candidates:
            run = SimulationRun.objects.filter(key=key).first()
            label = f"{run.solver} v{run.version}" if run else "(no run row)"
            self.stdout.write(f"{verb} files of {key} {label}")
            if apply:
                delete_run_files(key)
                SimulationRun.objects.filter(key=key).delete()
        summary = f"{len(candidates)} unreferenced run(s); {len(needed)} referenced by live pages or drafts."
        if not apply and candidates:
            summary += " Dry run: nothing deleted; add --apply to delete."
        self.stdout.write(summary)
