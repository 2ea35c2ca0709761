"""Putting data text on a page safely: whatever a CSV cell holds is shown as text, never run.

Every path from a cell to a page goes through one of these: `md` for MyST/Markdown output,
`html` for HTML output (tables, plotly labels), `Table` for tables in both the HTML and the PDF.
"""
from __future__ import annotations

import html as _html
import re
import string

import pandas as pd

_MD_SPECIAL = re.compile("([" + re.escape(string.punctuation) + "])")


def md(value) -> str:
    """Escape every ASCII punctuation mark so MyST reads the cell as plain text.

    CommonMark lets any punctuation be backslash-escaped; doing it to all of them shuts
    out raw HTML, roles, links, emphasis and directives at once. Newlines become spaces.
    """
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    text = " ".join(str(value).split())
    return _MD_SPECIAL.sub(r"\\\1", text)


def html(value) -> str:
    """Escape a cell for HTML (and for plotly, which reads a subset of HTML in its labels)."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    return _html.escape(str(value), quote=True)


class Table:
    """A table for both outputs: escaped HTML for the web page, a Markdown table for the PDF."""

    def __init__(self, frame: pd.DataFrame, caption: str | None = None):
        self.frame = frame
        self.caption = caption

    def _repr_html_(self) -> str:
        body = self.frame.to_html(index=False, escape=True, na_rep="", border=0, classes=["aa-table"])
        caption = f'<p class="aa-table-caption">{html(self.caption)}</p>' if self.caption else ""
        return f'<div class="aa-table-wrap">{caption}{body}</div>'

    def _repr_markdown_(self) -> str:
        head = "| " + " | ".join(md(c) for c in self.frame.columns) + " |"
        rule = "|" + "|".join("---" for _ in self.frame.columns) + "|"
        rows = ["| " + " | ".join(md(v) for v in row) + " |" for row in self.frame.itertuples(index=False)]
        caption = [f"*{md(self.caption)}*", ""] if self.caption else []
        return "\n".join([*caption, head, rule, *rows])

    def __repr__(self) -> str:  # text/plain, which nbval compares
        return self.frame.to_string(index=False)


class Plain(str):
    """A string that displays without quotes, for weaving words into the text with glue."""

    def __repr__(self) -> str:
        return str(self)
