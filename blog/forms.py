"""Admin forms of the blog: importing a BibTeX file into the References snippets."""

from __future__ import annotations

from django import forms

from blog.bibtex import BibEntry, BibtexError, parse_bibtex

MAX_BIBTEX_BYTES = 2 * 1024 * 1024


class BibtexImportForm(forms.Form):
    """A .bib file (or pasted BibTeX); every entry becomes or updates a Reference."""

    file = forms.FileField(required=False, help_text="A .bib file of at most 2 MB.")
    text = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 10}), label="Or paste BibTeX")

    def clean(self) -> dict:
        cleaned = super().clean()
        upload, text = cleaned.get("file"), cleaned.get("text", "")
        field = "file" if upload else "text"
        if upload:
            if upload.size > MAX_BIBTEX_BYTES:
                raise forms.ValidationError({"file": "The file is larger than 2 MB."})
            try:
                text = upload.read().decode("utf-8")
            except UnicodeDecodeError:
                raise forms.ValidationError({"file": "The file is not UTF-8 text."}) from None
        if not text.strip():
            raise forms.ValidationError("Choose a .bib file or paste BibTeX.")
        try:
            cleaned["entries"] = parse_bibtex(text)
        except BibtexError as error:
            raise forms.ValidationError({field: str(error)}) from None
        cleaned["source"] = text
        return cleaned

    @property
    def entries(self) -> list[BibEntry]:
        return self.cleaned_data["entries"]
