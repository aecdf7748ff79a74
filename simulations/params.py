"""The base class of solver parameter schemas, and turning schema errors into field messages."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError


class SolverParams(BaseModel):
    """Base of every solver's `Params`: frozen, finite numbers only, unknown keys rejected.

    Declare each parameter with `pydantic.Field` giving its default, bounds (`ge`, `le`,
    `gt`, `lt`), `description` (help text) and, for dimensionful values, a unit in
    `json_schema_extra={"unit": "..."}`, e.g.::

        T: float = Field(0.5, ge=0, le=5, title="Temperature", description="k_B T / J",
                         json_schema_extra={"unit": "J"})
    """

    model_config = ConfigDict(extra="forbid", allow_inf_nan=False, frozen=True)


def _describe_bounds(schema: dict[str, Any]) -> str:
    """Render a JSON-Schema property's bounds as text, e.g. '0 <= T <= 5'."""
    parts = []
    for key, symbol in (("minimum", ">="), ("exclusiveMinimum", ">"), ("maximum", "<="), ("exclusiveMaximum", "<")):
        if key in schema:
            parts.append(f"{symbol} {schema[key]}")
    if "enum" in schema:
        parts.append("one of " + ", ".join(map(str, schema["enum"])))
    return " and ".join(parts)


def field_errors(params_cls: type[SolverParams], error: ValidationError) -> dict[str, str]:
    """Map each offending parameter to a message naming its bounds and the value given."""
    properties = params_cls.model_json_schema().get("properties", {})
    messages: dict[str, str] = {}
    for item in error.errors():
        field = ".".join(str(p) for p in item["loc"]) or "__all__"
        message = item["msg"]
        prop = properties.get(field, {})
        bounds = _describe_bounds(prop)
        if item["type"] == "extra_forbidden":
            valid = ", ".join(sorted(properties))
            message = f"unknown parameter; valid parameters: {valid}"
        elif bounds:
            message = f"{message} (must be {bounds})"
        if "input" in item and item["type"] != "extra_forbidden":
            message = f"{message}; got {item['input']!r}"
        messages.setdefault(field, message)
    return messages
