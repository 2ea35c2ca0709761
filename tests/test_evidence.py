"""Evidence strength counts outlets, not copies; the explorer holds every fact, escaped and linked."""

from __future__ import annotations

import pandas as pd

from afterassad import load
from afterassad.chapters import evidence as E


def _sources(rows):
    return pd.DataFrame(rows, columns=["source_id", "publisher", "original_publisher"])


def test_syndicated_copies_of_one_wire_story_count_once_and_seeds_not_at_all():
    sources = _sources(
        [
            ("yahoo", "Yahoo News", "Reuters"),
            ("ht", "Hindustan Times", "Reuters"),
            ("reuters", "reuters", None),
            ("afp", "France 24", "AFP (via France 24)"),
            ("cnn", "CNN", None),
            ("seed_000", "mestios.com", None),
        ]
    )
    outlets = E.outlet_of(sources)
    assert E.independent_outlets("yahoo;ht;reuters", outlets) == 1
    assert E.independent_outlets("yahoo;afp;cnn", outlets) == 3
    assert E.independent_outlets("seed_000", outlets) == 0
    assert E.independent_outlets("seed_000;cnn", outlets) == 1
    assert [E.band(n) for n in (0, 1, 2, 3, 7)] == ["none", "one outlet", "two outlets", "three or more", "three or more"]


def test_chapter_tables_cover_every_fact_row_in_the_data():
    for table in E.FACT_TABLES:
        frame = load(table)
        chapters = set(frame["chapter"]) if "chapter" in frame else {E.TABLE_CHAPTER[table]}
        for chapter in chapters:
            assert table in E.CHAPTER_TABLES[chapter], f"{table} holds {chapter} rows, but CHAPTER_TABLES[{chapter!r}] omits it"


def test_strength_counts_add_up_to_each_chapters_rows_in_the_raw_tables():
    tables = {name: load(name) for name in E.FACT_TABLES}
    rows = E.facts(tables, load("actors"), load("places"), load("sources"))
    counts = E.strength_by_chapter(rows)
    for chapter in E.CHAPTERS:
        raw = sum(
            int((t["chapter"] == chapter).sum()) if "chapter" in t else (len(t) if chapter == E.TABLE_CHAPTER[name] else 0)
            for name, t in tables.items()
        )
        assert counts.loc[chapter, "all facts"] == raw == counts.loc[chapter, E.STRENGTH_BANDS].sum()


def test_explorer_cells_are_escaped_and_sources_link_to_their_reference_anchor():
    facts = pd.DataFrame(
        {
            "fact_id": ["e1"],
            "table": ["events"],
            "chapter": ["libya"],
            "date": [pd.Timestamp("2024-12-14")],
            "precision": ["day"],
            "kind": ["flight"],
            "actor": ["Russia"],
            "place": ["Benghazi"],
            "what": ['<script>alert("x")</script> & more'],
            "status": ["reported"],
            "source_ids": ["yahoo;cnn"],
            "outlets": [2],
        }
    )
    rows = E.explorer_rows(facts, pd.Series({"yahoo": "Reuters 2024u", "cnn": "CNN 2024e"}))
    row = rows.iloc[0]
    assert "<script>" not in row.to_string() and "&lt;script&gt;" in row["What the sources say"]
    assert row["Sources"] == (
        '<a href="references.html#src-yahoo">Reuters 2024u</a>; <a href="references.html#src-cnn">CNN 2024e</a>'
    )
    assert row["Chapter"] == '<a href="03_libya.html">4. Libya</a>'
    assert row["Date"] == "2024-12-14" and row["Precision"] == "day"


def test_the_chronology_draws_only_facts_known_to_the_day_or_week_and_counts_the_rest():
    facts = pd.DataFrame(
        {
            "table": ["events"] * 4,
            "chapter": ["libya"] * 4,
            "what": ["a", "b", "c", "d"],
            "date": pd.to_datetime(["2024-12-10", "2024-12-01", "2020-05-01", "2024-12-12"]),
            "precision": ["day", "month", "day", "week"],
        }
    )
    rows, left_out = E.chronology(facts, pd.Timestamp("2024-11-18"), pd.Timestamp("2025-03-31"))
    assert sorted(rows["what"]) == ["a", "d"]
    assert set(rows["week"]) == {pd.Timestamp("2024-12-09")}  # both in the week starting Monday 9 December
    assert left_out["libya"] == {"before": 1, "after": 0, "vague": 1}


def test_chapter_numbers_and_pages_follow_the_table_of_contents():
    """The explorer writes '4. Libya' and links 03_libya.html: both must match the book's numbering."""
    import yaml

    from afterassad.core.paths import repo_root

    toc = yaml.safe_load((repo_root() / "_toc.yml").read_text(encoding="utf-8"))
    numbered = [c["file"] for part in toc["parts"] if part.get("numbered") for c in part["chapters"]]
    for number, _, page in E.CHAPTERS.values():
        assert numbered.index(f"book/{page}") + 1 == number, (page, number)
