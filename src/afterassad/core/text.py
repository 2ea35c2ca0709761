"""Putting data text on a page safely: whatever a CSV cell holds is shown as text, never run.

Every path from a cell to a page goes through one of these: `md` for MyST/Markdown output,
`html` for HTML output (tables, plotly labels), `latex` for LaTeX and BibTeX (the PDF's title page,
the bibliography), `Table` for tables in both the HTML and the PDF.
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


_LATEX = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}


def latex(value) -> str:
    """Escape a cell for LaTeX (and BibTeX fields), so that it prints as written. Newlines become spaces."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    return "".join(_LATEX.get(ch, ch) for ch in " ".join(str(value).split()))


def html(value) -> str:
    """Escape a cell for HTML (and for plotly, which reads a subset of HTML in its labels)."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    return _html.escape(str(value), quote=True)


LINE_PT = 450  # the PDF's text width (A4, Sphinx's margins), in points
CHAR_PT = 5.8  # a generous average character at 10 pt, capitals and bold headers included
PAD_PT = 14  # a cell's padding, both sides


def column_widths(frame: pd.DataFrame) -> list[int]:
    """Percent widths for the PDF, from how much text each column holds.

    Each column first gets room for its longest word (words cannot break; LaTeX would push
    them past the column into the next one), then the rest of the line is shared out by how
    much text the columns typically hold, since sentences can wrap.
    """
    floors, need = [], []
    for column in frame.columns:
        cells = [str(v) for v in frame[column] if not pd.isna(v)] + [str(column)]
        longest_word = max(len(w) for cell in cells for w in (cell.split() or [""]))
        typical = sorted(len(cell) for cell in cells)[len(cells) * 9 // 10]
        floors.append(100 * (longest_word * CHAR_PT + PAD_PT) / LINE_PT)
        need.append(max(longest_word, min(typical, 40)))
    spare = 100 - sum(floors)
    raw = floors if spare <= 0 else [f + spare * n / sum(need) for f, n in zip(floors, need)]
    widths = [max(1, int(round(100 * w / sum(raw)))) for w in raw]
    widths[widths.index(max(widths))] += 100 - sum(widths)
    return widths


# A long table shows its first SHOWN_ROWS rows on the web page, with a button under it to show every
# row (_static/aa-tables.js adds the button; _static/after-assad.css hides the other rows, only while
# scripting is on, so a reader or crawler without scripts gets every row, and the PDF prints them all).
# Ten rows of one or two lines fill about one phone screen (390 x 844 px) at the tables' type size;
# rows of long text run longer, and the button says how many rows the table holds.
SHOWN_ROWS = 10
# A table is cut only when the button would hide at least this many rows: hiding one or two rows
# behind a button saves little more room than the button itself takes.
MIN_HIDDEN_ROWS = 3


def is_long(rows: int) -> bool:
    """Whether a table of this many rows shows its first SHOWN_ROWS rows and a button for the rest."""
    return rows >= SHOWN_ROWS + MIN_HIDDEN_ROWS


class Table:
    """A table for both outputs: escaped HTML for the web page, a Markdown table for the PDF."""

    def __init__(
        self,
        frame: pd.DataFrame,
        caption: str | None = None,
        fact_ids=None,
        web_only: str | None = None,
        sortable: bool | None = None,
        shorten: bool = True,
    ):
        """`fact_ids`, one per row (or None for a row that is not one fact), gives the web table a
        last column linking each row to its fact's evidence in the explorer; the PDF has no explorer.
        A `web_only` table stays in the web edition; the PDF prints the given text in its place.
        A `sortable` web table sorts its rows by a column when the reader presses its header. By
        default a long table is sortable and a short one is not: a reader takes in a short table at
        a glance, while in a long one sorting finds the largest, the latest or a name's rows.
        With `shorten=False` a long table shows every row: a reference table that readers search with
        their browser's find-in-page (the data dictionary) must not hide rows from it."""
        self.frame = frame
        self.caption = caption
        self.web_only = web_only
        self.sortable = is_long(len(frame)) if sortable is None else sortable
        self.shorten = shorten
        fact_ids = frame.attrs.get("fact_ids") if fact_ids is None else fact_ids
        self.fact_ids = None if fact_ids is None else list(fact_ids)
        if self.fact_ids is not None and len(self.fact_ids) != len(frame):
            raise ValueError(f"{len(self.fact_ids)} fact ids for {len(frame)} rows")

    def _repr_html_(self) -> str:
        frame = self.frame
        if self.fact_ids is not None:
            marker = "\x00"  # survives escaping, replaced by the link after it
            frame = frame.assign(Evidence=[f"{marker}{i}" if isinstance(i, str) and i else "" for i in self.fact_ids])
        body = frame.to_html(index=False, escape=True, na_rep="", border=0, classes=["aa-table"])
        if self.fact_ids is not None:
            body = re.sub(
                "\x00([a-z0-9_]+)",
                lambda m: (
                    f'<a href="{fact_link(m.group(1))}" '
                    'title="Which source gives which value, in the evidence explorer">sources</a>'
                ),
                body,
            )
        caption = f'<p class="aa-table-caption">{html(self.caption)}</p>' if self.caption else ""
        # Every row is in the HTML; these attributes only tell the stylesheet and the script what to do.
        shortened = self.shorten and is_long(len(frame))
        marks = (f' data-aa-rows="{len(frame)}"' if shortened else "") + (" data-aa-sort" if self.sortable else "")
        return f'<div class="aa-table-wrap"{marks}>{caption}{body}</div>'

    def _repr_markdown_(self) -> str:
        """A MyST list-table: widths fitted to the content, and a longtable so it breaks across pages."""
        if self.web_only is not None:
            return md(self.web_only)
        widths = " ".join(str(w) for w in column_widths(self.frame))
        lines = [
            "```{list-table}" + (f" {md(self.caption)}" if self.caption else ""),
            ":header-rows: 1",
            f":widths: {widths}",
            ":class: longtable aa-table",
            "",
        ]
        for row in [list(self.frame.columns), *self.frame.itertuples(index=False)]:
            cells = [md(v) or " " for v in row]
            lines.append(f"* - {cells[0]}")
            lines += [f"  - {cell}" for cell in cells[1:]]
        lines.append("```")
        return "\n".join(lines)

    def __repr__(self) -> str:  # text/plain, which nbval compares
        return self.frame.to_string(index=False)


class Plain(str):
    """A string for weaving words into the text with glue.

    myst-nb reads a glued text/plain value back with `ast.literal_eval` (to strip quotes), so a
    bare '7,500' would come back as the tuple (7, 500). The repr is therefore a Python string
    literal, which literal_eval turns back into exactly this text, whatever it holds.
    """

    def __repr__(self) -> str:
        return repr(str(self))


def wrap_label(label: str, width: int = 10) -> str:
    """Break a chart label into lines of about `width` characters at spaces (an explicit <br> always
    breaks), so column labels fit a phone's width."""
    if "<br>" in label:
        return "<br>".join(wrap_label(part, width) for part in label.split("<br>"))
    lines, line = [], ""
    for word in label.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return "<br>".join(lines + [line])


def and_list(items: list[str]) -> str:
    """'a', 'a and b', 'a, b and c': items as a sentence lists them."""
    items = [str(i) for i in items]
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def clip(text: str, limit: int) -> str:
    """Shorten text to at most `limit` characters: at the end of a sentence when one ends in the
    second half of the allowance (no ellipsis needed), else at a word boundary marked with an
    ellipsis; never inside a word."""
    if len(text) <= limit:
        return text
    head = text[:limit]
    sentence_end = max(head.rfind(". "), head.rfind("; "))
    if sentence_end >= limit // 2:
        return head[: sentence_end + 1].rstrip(";") + ("" if head[sentence_end] == "." else "…")
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(" ,;:(-")
    return cut + "…"


_UNNAMED_PLACE = re.compile(r"^(?P<country>[^,]+), (?:destination )?(?P<kind>airfield|place|port) not specified$")


def short_name(name: str) -> str:
    """A name without its qualifier, as a reader reads it: 'Hama military airport (coordinates of Hama
    city)' -> 'Hama military airport'; a country-level stand-in, 'Mali, airfield not specified
    (coordinates of Bamako as proxy)' -> 'Mali (airfield not named)'."""
    short = name.split(" (")[0].split(" / ")[0]
    unnamed = _UNNAMED_PLACE.match(short)
    return f"{unnamed['country']} ({unnamed['kind']} not named)" if unnamed else short


def fact_link(fact_id: str) -> str:
    """Where a chapter's table row points for the evidence behind its fact (the explorer's entry)."""
    return f"explorer.html#fact-{fact_id}"
