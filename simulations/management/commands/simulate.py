"""``manage.py simulate``: run a solver synchronously, print or write its results; no database."""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from simulations.cli import (
    ArgumentError,
    describe_parameters,
    dumps,
    library_versions,
    parse_assignments,
    parse_formats,
    reproduce_command,
    write_atomic,
)
from simulations.errors import ParameterError, UnknownSolverError
from simulations.registry import all_solvers, get_solver


class Command(BaseCommand):
    """Run a registered solver from the command line."""

    help = "Run a solver: simulate NAME key=value ... [--json] [--out DIR] [--format png,svg] [--list]"
    # Solvers never touch the database, and it may not even be migrated.
    requires_migrations_checks = False
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("name", nargs="?", help="solver name (see --list)")
        parser.add_argument("params", nargs="*", metavar="key=value", help="solver parameters")
        parser.add_argument("--json", action="store_true", help="print solver, version, params, quantities and series as JSON")
        parser.add_argument("--out", metavar="DIR", help="write figures, data.json, data.csv and manifest.json here")
        parser.add_argument("--format", default="png,svg", help="figure formats for --out (default: png,svg)")
        parser.add_argument("--list", action="store_true", help="list solvers and their parameters")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["list"]:
            self._list()
            return
        if not options["name"]:
            raise CommandError("give a solver name, or --list to see them")
        try:
            raw = parse_assignments(options["params"])
            formats = parse_formats(options["format"])
            solver = get_solver(options["name"])
        except (ArgumentError, UnknownSolverError) as error:
            raise CommandError(str(error)) from None
        try:
            params = solver.parse_params(raw)
        except ParameterError as error:
            details = "\n".join(f"  {field}: {message}" for field, message in error.errors.items())
            raise CommandError(f"invalid parameters for solver {solver.name!r}:\n{details}") from None
        started = time.perf_counter()
        result = solver.run(params)
        wall = time.perf_counter() - started
        if options["out"]:
            self._write(solver, result, Path(options["out"]), formats, wall)
        if options["json"]:
            self.stdout.write(result.to_json(solver.name, solver.version), ending="\n")
        else:
            self._summary(solver, result, wall)

    def _list(self) -> None:
        for solver in all_solvers():
            self.stdout.write(f"{solver.name} (version {solver.version}): {solver.title}")
            if solver.summary:
                self.stdout.write(f"    {solver.summary}")
            for line in describe_parameters(solver):
                self.stdout.write(f"    {line}")
            if solver.figure_names:
                self.stdout.write(f"    figures: {', '.join(solver.figure_names)}")

    def _summary(self, solver: Any, result: Any, wall: float) -> None:
        params = " ".join(f"{k}={v}" for k, v in result.params.items())
        self.stdout.write(f"{solver.name} v{solver.version}  {params}")
        for name, value in result.quantities_json().items():
            shown = f"{value:.10g}" if isinstance(value, float) else value
            self.stdout.write(f"  {name:<24} {shown}")
        self.stdout.write(f"  ({wall:.3f} s)")

    def _write(self, solver: Any, result: Any, out: Path, formats: list[str], wall: float) -> None:
        # matplotlib is imported here only: --json runs never pay for it.
        from simulations.style import render

        out.mkdir(parents=True, exist_ok=True)
        files: list[str] = []
        for name, figure in solver.figures(result).items():
            for fmt in formats:
                filename = f"{name}.{fmt}"
                write_atomic(out / filename, render(figure, fmt))
                files.append(filename)
        write_atomic(out / "data.json", dumps(result.to_dict(solver.name, solver.version)))
        write_atomic(out / "data.csv", result.to_csv())
        manifest = {
            "solver": solver.name,
            "version": solver.version,
            "params": result.params,
            "seed": result.params.get("seed"),
            "libraries": library_versions(),
            "wall_time_seconds": round(wall, 6),
            "figures": files,
            "command": reproduce_command(solver.name, result.params, out=str(out)),
        }
        # The manifest goes last: its presence means the directory is complete.
        write_atomic(out / "manifest.json", dumps(manifest))
        print(f"wrote {len(files) + 3} files to {out}", file=sys.stderr)
