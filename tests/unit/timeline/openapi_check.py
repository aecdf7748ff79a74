"""Validate real responses against our OpenAPI 3.0 document with jsonschema."""

from __future__ import annotations

import copy

from jsonschema import Draft202012Validator

from timeline.api.schema import openapi


def _to_json_schema(node):
    """OpenAPI 3.0's `nullable` becomes a JSON Schema type union; `example` is dropped."""
    if isinstance(node, dict):
        node = {k: _to_json_schema(v) for k, v in node.items() if k != "example"}
        if node.pop("nullable", False) and "type" in node:
            node["type"] = [node["type"], "null"]
            if "enum" in node:
                node["enum"] = [*node["enum"], None]
        return node
    if isinstance(node, list):
        return [_to_json_schema(v) for v in node]
    return node


def response_schema(path: str, status: int) -> dict:
    document = openapi()
    content = document["paths"][path]["get"]["responses"][str(status)]["content"]["application/json"]["schema"]
    root = _to_json_schema({"components": copy.deepcopy(document["components"])})
    return {**root, **_to_json_schema(content)}


def validate(path: str, response) -> None:
    """Raise if `response`'s JSON does not match the documented schema for its status."""
    Draft202012Validator(response_schema(path, response.status_code)).validate(response.json())
