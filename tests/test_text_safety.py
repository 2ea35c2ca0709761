"""Whatever a CSV cell holds is shown as text on every page and never run."""

from __future__ import annotations

import pandas as pd
import pytest
from markdown_it import MarkdownIt

from afterassad.chapters.claims import claim_card
from afterassad.core.text import Table, html, md
from afterassad.figures.render import source_line
from afterassad.publishing.references import bib_text

HOSTILE = [
    "<script>alert('x')</script>",
    '<img src=x onerror="alert(1)">',
    "{raw}`<b>bold</b>`",
    "[click](javascript:alert(1))",
    "```{raw} html\n<script>1</script>\n```",
    "*emphasis* and $math$ and `code` | pipe",
]


def render_commonmark(text: str) -> str:
    return MarkdownIt("commonmark", {"html": True}).render(text)


@pytest.mark.parametrize("payload", HOSTILE)
def test_md_escape_renders_as_literal_text(payload):
    rendered = render_commonmark(md(payload))
    assert "<script" not in rendered and "<img" not in rendered and "<a " not in rendered and "<em>" not in rendered
    assert "<code>" not in rendered and "<pre>" not in rendered
    # The reader still sees the characters that were in the cell.
    visible = " ".join(payload.split())
    assert visible.replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;") in rendered


@pytest.mark.parametrize("payload", HOSTILE)
def test_html_escape(payload):
    assert "<" not in html(payload) and ">" not in html(payload)


def test_tables_escape_cells_in_both_outputs():
    table = Table(pd.DataFrame({"a": ["<script>alert(1)</script>"], "b": ["x|y"]}))
    assert "<script>" not in table._repr_html_()
    assert "&lt;script&gt;" in table._repr_html_()
    markdown = table._repr_markdown_()
    assert "<script>" not in render_commonmark(markdown)
    assert "\\|" in markdown  # a pipe in a cell cannot break the table


def test_claim_cards_escape_every_data_cell():
    row = pd.Series(
        {
            "claim_id": "c000_p01_s01_a",
            "article_id": "seed_000",
            "paragraph": 1,
            "sentence": 1,
            "claim_type": "event",
            "claim": "<script>alert(1)</script>",
            "verdict": "wrong",
            "corrected_value": "{raw}`<b>x</b>`",
            "reasoning": "[a](javascript:x)",
            "check_date": "pass",
            "check_attribution": "fail",
            "check_period": "pass",
            "check_numbers": "not_applicable",
            "source_ids": "some_source",
        }
    )
    card = claim_card(row)
    assert "<script>" not in render_commonmark(card)
    assert "{raw}`" not in card and "](javascript" not in card


def test_bibtex_fields_are_escaped():
    # a dollar sign stays bare: pybtex reads it as text, and would print an escaped one with its backslash
    assert bib_text("A & B {x} 50% $5 #1 under_score") == r"A \& B \{x\} 50\% $5 \#1 under\_score"


def test_source_line_is_escaped_in_figures():
    sources = pd.DataFrame({"source_id": ["s1"], "publisher": ["<b>Evil</b>"], "original_publisher": [pd.NA]})
    line = source_line(["s1"], sources, ["events"])
    from afterassad.figures.render import _wrap

    assert "<b>" not in _wrap(line)


@pytest.mark.parametrize(
    "text", ["7,500", "1,000", "(1, 0)", "8 December 2024", "at least 7 flights", "3 to 6 (best 4)", "'quoted'", ""]
)
def test_glued_text_comes_back_exactly_as_written(text):
    """What a chapter glues is what the reader sees: myst-nb's own formatter must return it unchanged."""
    from myst_nb.core.variables import format_plain_text

    from afterassad.core.text import Plain

    assert format_plain_text(repr(Plain(text)), "") == text


def test_pdf_column_widths_give_every_column_room_for_its_longest_word():
    from afterassad.core.text import CHAR_PT, LINE_PT, PAD_PT, column_widths

    frame = pd.DataFrame(
        {
            "Outcome": ["destroyed", "captured"],
            "Nominal": ["$85.00bn", "$7.12bn"],
            "Notes": ["a long sentence that can wrap over several lines " * 3, "short"],
        }
    )
    widths = column_widths(frame)
    assert sum(widths) == 100
    for width, word in zip(widths, ["destroyed", "$85.00bn", "sentence"]):
        assert width / 100 * LINE_PT >= len(word) * CHAR_PT + PAD_PT - 0.5 * LINE_PT / 100, (width, word)
    assert widths[2] == max(widths)  # the spare room goes to the column that wraps


def test_and_list_reads_as_a_sentence_lists():
    from afterassad.core.text import and_list

    assert and_list(["Sparta"]) == "Sparta"
    assert and_list(["Sparta", "Ivan Gren"]) == "Sparta and Ivan Gren"
    assert and_list(["a", "b", "c"]) == "a, b and c"
