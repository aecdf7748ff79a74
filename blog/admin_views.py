"""The "Import BibTeX" admin view: one file in, one Reference per entry (created or updated)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import redirect
from django.template.response import TemplateResponse

from blog.forms import BibtexImportForm
from blog.models import Reference


def import_bibtex(request):
    """Show the form; on a valid file, upsert references by key and go back to the listing."""
    if not request.user.has_perm("blog.add_reference"):
        raise PermissionDenied
    form = BibtexImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        created = updated = 0
        with transaction.atomic():
            for entry in form.entries:
                reference = Reference.objects.filter(key=entry.key).first() or Reference(key=entry.key)
                is_new = reference.pk is None
                reference.bibtex = _entry_source(form.cleaned_data["source"], entry.key)
                for field in ("entry_type", "authors", "title", "venue", "year", "volume", "pages", "doi", "arxiv", "url"):
                    setattr(reference, field, getattr(entry, field))
                reference.save()
                created, updated = created + is_new, updated + (not is_new)
        messages.success(request, f"Imported {created} new and updated {updated} existing references.")
        return redirect("wagtailsnippets_blog_reference:list")
    return TemplateResponse(request, "blog/admin/import_bibtex.html", {"form": form})


def _entry_source(source: str, key: str) -> str:
    """The text of one entry within a .bib source (from its @type{key to the next @)."""
    start = source.find(f"{{{key},")
    if start == -1:
        return source
    start = source.rfind("@", 0, start)
    end = source.find("\n@", start + 1)
    return source[start : end if end != -1 else None].strip()
