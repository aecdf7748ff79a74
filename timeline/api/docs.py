"""`/api/schema/` (the OpenAPI document) and `/api/docs/` (a page that reads it to people)."""

from __future__ import annotations

import json

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from .schema import openapi


@require_safe
def schema_view(request: HttpRequest) -> HttpResponse:
    response = HttpResponse(json.dumps(openapi(), indent=2), content_type="application/vnd.oai.openapi+json")
    response["Cache-Control"] = "public, max-age=300"
    return response


@require_safe
def docs_view(request: HttpRequest) -> HttpResponse:
    """Server-rendered docs: no outside script, so it works under our CSP and offline."""
    document = openapi()
    schemas = document["components"]["schemas"]
    operations = [
        {"path": path, "method": method.upper(), **operation}
        for path, methods in document["paths"].items()
        for method, operation in methods.items()
    ]
    shown = {name: json.dumps(schema, indent=2) for name, schema in schemas.items()}
    return render(request, "timeline/api_docs.html", {"doc": document, "operations": operations, "schemas": shown})
