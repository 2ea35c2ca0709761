"""Citations read as outlet and year, unique, and say who wrote the story."""

from __future__ import annotations

import re

import pandas as pd

from afterassad import load
from afterassad.publishing.references import bib_entry, citation_labels


def _sources(rows):
    frame = pd.DataFrame(rows, columns=["source_id", "publisher", "original_publisher", "date_published"])
    frame["date_published"] = pd.to_datetime(frame["date_published"])
    return frame


def test_labels_name_the_original_outlet_and_tell_apart_pieces_of_one_year_in_date_order():
    sources = _sources(
        [
            ("b_late", "Yahoo News", "Reuters", "2024-12-14"),
            ("a_early", "Reuters", None, "2024-12-02"),
            ("c_other_year", "Reuters", None, "2025-01-05"),
            ("d_alone", "IANS (citing Xinhua)", None, "2024-12-08"),
            ("e_undated", "GeoNames / Wikipedia", None, None),
            ("f_undated", "AFP", None, None),
            ("g_undated", "AFP", None, None),
            ("h_ampersand", "Air & Space Forces Magazine", None, "2020-05-01"),
            ("seed_000", "mestios.com (aggregator)", None, None),
        ]
    )
    labels = dict(zip(sources["source_id"], citation_labels(sources)))
    assert labels == {
        "a_early": "Reuters 2024a",
        "b_late": "Reuters 2024b",
        "c_other_year": "Reuters 2025",
        "d_alone": "IANS 2024",
        "e_undated": "GeoNames n.d.",
        "seed_000": "Article under test 1",
        "f_undated": "AFP n.d.-a",
        "g_undated": "AFP n.d.-b",
        "h_ampersand": "Air & Space Forces Magazine 2020",
    }


def test_letters_go_on_past_z():
    sources = _sources([(f"s{i:02d}", "AFP", None, f"2024-01-{1 + i % 28:02d}") for i in range(28)])
    labels = citation_labels(sources)
    assert labels.is_unique
    assert {"AFP 2024z", "AFP 2024aa", "AFP 2024ab"} <= set(labels)


def test_every_registered_source_has_a_unique_label_that_the_bib_entry_carries():
    sources = load("sources")
    labels = citation_labels(sources)
    assert labels.notna().all() and labels.is_unique, labels[labels.duplicated(keep=False)].tolist()
    row = sources.iloc[5]
    assert f"shortlabel = {{{labels.iloc[5]}}}" in bib_entry(row, labels.iloc[5])


def test_the_bibliography_lists_entries_in_label_order_with_2024z_before_2024aa(tmp_path):
    from afterassad.publishing.references import write_bib

    path = tmp_path / "refs.bib"
    write_bib(path)
    labels = re.findall(r"shortlabel = \{(.+)\}", path.read_text(encoding="utf-8"))
    keys = re.findall(r"sortkey = \{(\d+)\}", path.read_text(encoding="utf-8"))
    assert keys == sorted(keys) and len(set(keys)) == len(keys) == len(labels)
    assert labels[:2] == ["Article under test 1", "Article under test 2"]
    reuters_2024 = [lab for lab in labels if lab.startswith("Reuters 2024")]
    suffix = [lab.removeprefix("Reuters 2024") for lab in reuters_2024]
    assert suffix == sorted(suffix, key=lambda x: (len(x), x)) and len(reuters_2024) > 3  # a to z, then aa, ab


def test_label_order_puts_2024z_before_2024aa():
    from afterassad.publishing.references import _label_order

    frame = pd.DataFrame({"label": ["AFP 2024aa", "AFP 2024z", "AFP n.d.-a", "AFP 2023", "Article under test 2", "ABC 2024"]})
    assert [frame.at[i, "label"] for i in _label_order(frame)] == [
        "Article under test 2",
        "ABC 2024",
        "AFP 2023",
        "AFP 2024z",
        "AFP 2024aa",
        "AFP n.d.-a",
    ]


def test_a_dollar_sign_in_a_title_prints_without_a_backslash(tmp_path):
    """pybtex reads '\\$' literally, so the reference list printed '\\$85 billion'; a bare '$' prints as written."""
    from pybtex.richtext import Text

    from afterassad.publishing.references import bib_text

    field = bib_text("AP fact check on $85 billion & 50%")
    assert Text.from_latex(field).render_as("text") == "AP fact check on $85 billion & 50%"


def test_only_the_articles_under_test_are_labelled_as_such():
    sources = load("sources").reset_index(drop=True)
    labels = citation_labels(sources)
    marked = [
        row["source_id"]
        for i, row in sources.iterrows()
        if "one of the two articles under test" in bib_entry(row, labels.iloc[i])
    ]
    assert sorted(marked) == sorted(sources.loc[sources["source_type"] == "seed_article", "source_id"])
    # a source with a locator (where in it a fact is) is not thereby an article under test
    assert sources.loc[sources["source_type"] != "seed_article", "locator"].notna().any()
