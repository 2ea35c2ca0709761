"""The bibliography, generated from the source registry (data/sources.csv): no second list."""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from .data import load

_LATEX = {"\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "&": r"\&", "%": r"\%", "$": r"\$",
          "#": r"\#", "_": r"\_", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}"}
_MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]


def bib_text(value) -> str:
    """Escape a registry cell for a BibTeX field, so that it prints as written."""
    if value is None or pd.isna(value):
        return ""
    return "".join(_LATEX.get(ch, ch) for ch in " ".join(str(value).split()))


def bib_entry(row: pd.Series) -> str:
    publisher = bib_text(row["publisher"])
    if pd.notna(row["original_publisher"]) and row["original_publisher"]:
        publisher += f" (syndicated from {bib_text(row['original_publisher'])})"
    fields = {"title": "{" + bib_text(row["title"]) + "}", "howpublished": publisher}
    precision = row["date_published_precision"]
    if pd.notna(row["date_published"]):
        fields["year"] = str(row["date_published"].year)
        if precision in ("day", "month"):
            fields["month"] = _MONTHS[row["date_published"].month - 1]
        if precision == "day":
            fields["day"] = str(row["date_published"].day)
    notes = [f"{row['source_type'].replace('_', ' ').capitalize()}, reliability {row['reliability'].replace('_', ' ')}",
             f"accessed {row['date_accessed']:%Y-%m-%d}"]
    if precision == "undated":
        notes.append("publication date not stated")
    if row["title_kind"] == "from_url":
        notes.append("title reconstructed from the address, as the stored copy shows none")
    elif row["title_kind"] == "descriptive":
        notes.append("descriptive title written for this report, as the copy shows none or is not in English")
    if pd.notna(row["locator"]) and row["locator"]:
        notes.append(f"seed article, kept as {row['locator']}")
    fields["note"] = bib_text("; ".join(notes)) + "."
    if pd.notna(row["url"]) and row["url"]:
        fields["url"] = row["url"].replace("{", "%7B").replace("}", "%7D")
    body = ",\n".join(f"  {k} = {{{v}}}" for k, v in fields.items())
    return f"@misc{{{row['source_id']},\n{body}\n}}\n"


def write_bib(path: Path) -> int:
    sources = load("sources")
    path.parent.mkdir(parents=True, exist_ok=True)
    entries = [bib_entry(row) for _, row in sources.iterrows()]
    path.write_text("\n".join(entries), encoding="utf-8")
    return len(entries)
