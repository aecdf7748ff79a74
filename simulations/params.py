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


BOUND_SYMBOLS = (("minimum", ">="), ("exclusiveMinimum", ">"), ("maximum", "<="), ("exclusiveMaximum", "<"))


def describe_bounds(schema: dict[str, Any]) -> list[str]:
    """A JSON-Schema property's numeric bounds as text parts, e.g. ['>= 0', '<= 5']."""
    return [f"{symbol} {schema[key]}" for key, symbol in BOUND_SYMBOLS if key in schema]


def _describe_bounds(schema: dict[str, Any]) -> str:
    """Bounds and allowed values joined for an error message, e.g. '>= 0 and <= 5'."""
    parts = describe_bounds(schema)
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
