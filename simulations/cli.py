"""Command-line helpers of the ``simulate`` command, free of Django so they can be unit-tested."""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from .base import Solver
from .params import describe_bounds


class ArgumentError(ValueError):
    """A command-line argument that is not of the form ``key=value``, or repeats a key."""


def parse_assignments(items: Iterable[str]) -> dict[str, Any]:
    """Parse ``key=value`` words into a dict; values stay strings for the schema to coerce.

    Strings, not guessed types, go to the solver's schema: pydantic coerces ``"0.5"`` to a
    float and ``"200"`` to an int, and rejects ``"nan"`` or ``"abc"`` naming the parameter.
    """
    values: dict[str, Any] = {}
    for item in items:
        key, sep, value = item.partition("=")
        key = key.strip()
        if not sep or not key or not key.isidentifier():
            raise ArgumentError(f"expected key=value, got {item!r}")
        if key in values:
            raise ArgumentError(f"parameter {key!r} given twice")
        values[key] = value.strip()
    return values


def parse_formats(text: str) -> list[str]:
    """Parse ``--format`` (``png,svg``) into an ordered list of distinct formats."""
    formats: list[str] = []
    for part in text.split(","):
        fmt = part.strip().lower()
        if fmt not in ("png", "svg"):
            raise ArgumentError(f"figure format must be png or svg, got {part.strip()!r}")
        if fmt not in formats:
            formats.append(fmt)
    return formats


def describe_parameters(solver: Solver) -> list[str]:
    """One line per parameter: name, type, default, bounds, unit and help."""
    schema = solver.params_schema()
    lines = []
    for name, prop in schema.get("properties", {}).items():
        kind = prop.get("type") or ("enum" if "enum" in prop else "any")
        bounds = describe_bounds(prop)
        if "enum" in prop:
            bounds.append("one of " + "|".join(map(str, prop["enum"])))
        unit = f" [{prop['unit']}]" if "unit" in prop else ""
        help_text = prop.get("description", "")
        lines.append(f"{name} ({kind}{unit}) default={prop.get('default')!r} {' '.join(bounds)} - {help_text}".rstrip(" -"))
    return lines


def write_atomic(path: Path, data: bytes | str) -> None:
    """Write a file so readers never see it half-written: a temp file in its directory, then os.replace."""
    payload = data.encode() if isinstance(data, str) else data
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=path.suffix)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o644)  # mkstemp makes 0600; figures and data are served and shared
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def library_versions() -> dict[str, str]:
    """Versions of Python and the numerical libraries, for the manifest (imports only metadata)."""
    import platform
    from importlib.metadata import PackageNotFoundError, version

    versions = {"python": platform.python_version()}
    for package in ("numpy", "scipy", "matplotlib", "pydantic"):
        try:
            versions[package] = version(package)
        except PackageNotFoundError:
            versions[package] = "not installed"
    return versions


def reproduce_command(solver: str, params: dict[str, Any], out: str | None = None) -> str:
    """The `python manage.py simulate ...` command that recomputes these parameters."""
    assignments = [f"{name}={value}" for name, value in params.items()]
    return " ".join(["python manage.py simulate", solver, *assignments, *(["--out", out] if out else [])])


def dumps(document: Any) -> str:
    """Strict, stable JSON for files and stdout."""
    return json.dumps(document, indent=2, allow_nan=False, sort_keys=False) + "\n"
