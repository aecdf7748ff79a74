"""The simulation StreamField block: pick a solver, fill a form built from its parameter schema.

`SimulationBlock` is a StreamBlock holding exactly one `SolverRunBlock`, one child type per
registered solver, each a StructBlock whose fields come from the solver's JSON Schema
(labels, bounds, units, help text, defaults). Its definition is rebuilt from the registry
at start-up and deconstructs to its import path alone, so installing or upgrading a solver
plugin never needs a migration.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from django.core.exceptions import ValidationError
from wagtail import blocks

from .base import Solver
from .errors import ParameterError
from .params import describe_bounds
from .registry import all_solvers

RESERVED = {"caption", "alt_text", "show_figures"}


def _help_text(prop: dict[str, Any]) -> str:
    """Help text from a JSON-Schema property: description, unit and bounds."""
    parts = [prop.get("description", "")]
    if prop.get("unit"):
        parts.append(f"Unit: {prop['unit']}.")
    bounds = describe_bounds(prop)
    if bounds:
        parts.append("Must be " + " and ".join(bounds) + ".")
    return " ".join(part for part in parts if part)


def _field_block(name: str, prop: dict[str, Any]) -> blocks.Block:
    """One form field for one parameter."""
    label = prop.get("title") or name
    if prop.get("unit"):
        label = f"{label} [{prop['unit']}]"
    common = {"label": label, "help_text": _help_text(prop)}
    default = prop.get("default")
    choices = prop.get("enum") or next((item.get("enum") for item in prop.get("anyOf", []) if "enum" in item), None)
    kind = prop.get("type")
    if choices:
        return blocks.ChoiceBlock(choices=[(c, str(c)) for c in choices], default=default, **common)
    if kind == "boolean":
        return blocks.BooleanBlock(required=False, default=bool(default), **common)
    if kind == "integer":
        return blocks.IntegerBlock(default=default, min_value=prop.get("minimum"), max_value=prop.get("maximum"), **common)
    if kind == "number":
        return blocks.FloatBlock(default=default, min_value=prop.get("minimum"), max_value=prop.get("maximum"), **common)
    return blocks.CharBlock(default=default, required=default is None, **common)


class SolverRunBlock(blocks.StructBlock):
    """The parameters of one solver, plus caption, alt text and which figures to show."""

    def __init__(self, solver: Solver | None = None, solver_name: str | None = None, **kwargs):
        if solver is None:
            from .registry import get_solver

            solver = get_solver(solver_name)
        self.solver = solver
        properties = solver.params_schema().get("properties", {})
        clash = RESERVED & set(properties)
        if clash:
            raise ValueError(f"solver {solver.name!r} uses reserved parameter names: {sorted(clash)}")
        self.param_names = list(properties)
        children = [(name, _field_block(name, prop)) for name, prop in properties.items()]
        from blog.blocks.text import MathRichTextBlock

        figure_choices = [(name, name.replace("-", " ").capitalize()) for name in solver.figure_names]
        children += [
            ("show_figures", blocks.MultipleChoiceBlock(
                choices=figure_choices, required=False, label="Figures to show",
                help_text="None selected shows every figure.", default=[],
            )),
            ("caption", MathRichTextBlock(required=False, features=["bold", "italic", "link"])),
            ("alt_text", blocks.CharBlock(required=False, max_length=300, help_text="Describe the figure for screen readers.")),
        ]
        super().__init__(children, label=solver.title, icon="cogs", template="blocks/simulation_block.html", **kwargs)

    def raw_params(self, value) -> dict[str, Any]:
        """The solver parameters of a block value (no caption or display fields)."""
        return {name: value.get(name) for name in self.param_names if value.get(name) is not None}

    def clean(self, value):
        value = super().clean(value)
        try:
            self.solver.parse_params(self.raw_params(value))
        except ParameterError as error:
            raise blocks.StructBlockValidationError(
                block_errors={
                    (field if field in self.param_names else next(iter(self.param_names), field)): ValidationError(message)
                    for field, message in error.errors.items()
                }
            ) from None
        return value

    def request(self, value) -> tuple[str, dict[str, Any]]:
        """(solver name, raw parameters) that this block needs computed."""
        return self.solver.name, self.raw_params(value)

    def get_context(self, value, parent_context=None):
        from .presentation import present_block

        context = super().get_context(value, parent_context)
        request = (parent_context or {}).get("request")
        context.update(present_block(self, value, request))
        return context

    def get_api_representation(self, value, context=None):
        from .presentation import api_representation

        return api_representation(self, value, (context or {}).get("request"))

    def deconstruct(self):
        return ("simulations.blocks.SolverRunBlock", (), {"solver_name": self.solver.name})


class SimulationBlock(blocks.StreamBlock):
    """A figure computed by a registered solver; holds one solver's parameter block."""

    def __init__(self, **kwargs):
        children = [(solver.name.replace("-", "_"), SolverRunBlock(solver)) for solver in all_solvers()]
        kwargs.setdefault("min_num", 1)
        kwargs.setdefault("max_num", 1)
        kwargs.setdefault("label", "Simulation")
        kwargs.setdefault("icon", "cogs")
        super().__init__(children, **kwargs)

    def deconstruct(self):
        # Only the path: the children come from the registry, so plugins need no migration.
        return ("simulations.blocks.SimulationBlock", (), {})

    def deconstruct_with_lookup(self, lookup):
        return self.deconstruct()

    @classmethod
    def construct_from_lookup(cls, lookup, *args, **kwargs):
        return cls(**kwargs)


def simulation_requests(stream) -> Iterator[tuple[str, dict[str, Any]]]:
    """Every (solver, raw parameters) that the simulation blocks of a StreamValue need."""
    for child in stream or ():
        yield from _requests_in(child.block, child.value)


def _requests_in(block, value) -> Iterator[tuple[str, dict[str, Any]]]:
    if isinstance(block, SolverRunBlock):
        yield block.request(value)
    elif isinstance(value, blocks.StreamValue):
        for child in value:
            yield from _requests_in(child.block, child.value)
    elif isinstance(value, blocks.StructValue):
        for name, child_value in value.items():
            yield from _requests_in(block.child_blocks[name], child_value)
    elif isinstance(value, list | blocks.list_block.ListValue):
        child_block = getattr(block, "child_block", None)
        for item in value:
            yield from _requests_in(child_block, item)
