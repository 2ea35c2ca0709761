"""The claims audit: every sentence of both seeds accounted for, every verdict backed."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pandas as pd
import pytest

from afterassad import load
from afterassad.data.seeds import locators, paragraphs, seeds_dir, split_sentences

HERE = Path(__file__).resolve().parent
SEEDS = seeds_dir()
needs_seeds = pytest.mark.skipif(
    SEEDS is None,
    reason="seed articles not found: expected ../shared/seeds beside the "
    "repository (as in CI) or AFTERASSAD_SEEDS; coverage cannot be checked without them",
)


@pytest.fixture(scope="module")
def claims():
    return load("claims")


@pytest.fixture(scope="module")
def non_claims():
    return load("non_claims")


def test_every_claim_has_a_verdict_and_sources_or_reasoning(claims):
    assert claims["verdict"].notna().all()
    sourced = claims["source_ids"].notna()
    unverifiable = claims["verdict"].eq("unverifiable")
    assert (sourced | unverifiable).all(), claims.loc[~(sourced | unverifiable), "claim_id"].tolist()
    assert claims.loc[unverifiable, "reasoning"].str.len().gt(40).all()


def test_claims_never_cite_a_seed_article_as_evidence(claims):
    seeds = set(load("sources").query("source_type == 'seed_article'")["source_id"])
    cited = {s for cell in claims["source_ids"].dropna() for s in cell.split(";")}
    assert not cited & seeds


def test_claim_ids_are_built_from_their_locators(claims):
    for row in claims.itertuples():
        expected = f"c{row.article_id.removeprefix('seed_')}_p{row.paragraph:02d}_s{row.sentence:02d}_"
        assert row.claim_id.startswith(expected), row.claim_id


def test_wrong_and_misleading_claims_give_the_correction(claims):
    flagged = claims[claims["verdict"].isin(["wrong", "misleading"])]
    assert flagged["corrected_value"].notna().all(), flagged.loc[flagged["corrected_value"].isna(), "claim_id"].tolist()


def test_sentence_splitter_keeps_initials_together():
    text = "The U.S. left on Monday. The U.K. DOD said so. Then 3 more came."
    assert split_sentences(text) == ["The U.S. left on Monday.", "The U.K. DOD said so.", "Then 3 more came."]
    assert paragraphs("Title\n\n- bullet one\nBody.") == ["Title", "bullet one", "Body."]


@needs_seeds
def test_every_seed_sentence_is_accounted_for(claims, non_claims):
    expected = {loc for path in sorted(SEEDS.glob("*.txt")) for loc in locators(path)}
    assert expected, f"no sentences found in {SEEDS}"
    covered = {(r.article_id, r.paragraph, r.sentence) for r in claims.itertuples()}
    covered |= {(r.article_id, r.paragraph, r.sentence) for r in non_claims.itertuples()}
    assert sorted(expected - covered) == [], "seed sentences with neither a claim nor a note"
    assert sorted(covered - expected) == [], "claims located at sentences the seeds do not have"


@needs_seeds
def test_no_sentence_is_both_a_claim_and_a_non_claim(claims, non_claims):
    both = {(r.article_id, r.paragraph, r.sentence) for r in claims.itertuples()} & {
        (r.article_id, r.paragraph, r.sentence) for r in non_claims.itertuples()
    }
    assert not both


def _ngrams(text: str, n: int) -> set[tuple[str, ...]]:
    words = re.findall(r"[a-z0-9$]+", text.lower())
    return {tuple(words[i : i + n]) for i in range(len(words) - n + 1)}


@needs_seeds
def test_the_repository_keeps_no_text_of_the_seeds():
    """No run of eight words from a seed article appears in any cell of data/.

    One exception: the registry records other publications' titles as published, and a seed
    may have copied such a title (it did copy a 2018 Daily Mail headline).
    """
    seed_grams = set().union(*(_ngrams(p.read_text(encoding="utf-8"), 8) for p in SEEDS.glob("*.txt")))
    copied = []
    for path in sorted((HERE.parent / "data").glob("*.csv")):
        with open(path, newline="", encoding="utf-8") as fh:
            for i, row in enumerate(csv.DictReader(fh), start=1):
                for column, value in row.items():
                    if path.name == "sources.csv" and column == "title" and row["source_type"] != "seed_article":
                        continue
                    if _ngrams(value, 8) & seed_grams:
                        copied.append(f"{path.name} row {i} column {column}: {value[:80]}")
    assert not copied, copied


def test_distinct_errors_count_a_split_claim_once():
    from afterassad.chapters.claims import distinct_errors

    frame = pd.DataFrame(
        {
            "claim_id": ["c000_p01_s01_a", "c000_p02_s01_a", "c000_p03_s01_a", "c000_p03_s01_b", "c000_p04_s01_a"],
            "verdict": ["wrong", "wrong", "wrong", "wrong", "misleading"],
            "same_error_as": ["", "", "", "c000_p02_s01_a", ""],
        }
    )
    assert distinct_errors(frame) == 3  # four wrong claims, one of them split from another
    assert distinct_errors(frame, ("wrong", "misleading")) == 4


def test_the_audit_groups_the_errors_it_split(claims):
    """A claim that repeats another's error (the 12 December date, given twice) is one error with it;
    a grouped claim points to a claim with the same verdict in the same article."""
    from afterassad.chapters.claims import distinct_errors

    grouped = claims[claims["same_error_as"].fillna("") != ""]
    first = claims.set_index("claim_id").loc[grouped["same_error_as"]]
    assert list(first["verdict"]) == list(grouped["verdict"])
    assert list(first["article_id"]) == list(grouped["article_id"])
    assert distinct_errors(claims) == (claims["verdict"] == "wrong").sum() - (grouped["verdict"] == "wrong").sum()


def test_prose_cites_a_card_by_its_verdict_not_its_id(claims):
    from afterassad.chapters.claims import verdict_citation

    lead, cited = verdict_citation(["c000_p01_s01_a", "c001_p02_s02_a"], claims)
    verdicts = claims.set_index("claim_id")["verdict"]
    assert lead == "verdicts"
    assert cited[0] == ("claim-c000_p01_s01_a", verdicts["c000_p01_s01_a"].replace("_", " "))
    with pytest.raises(KeyError, match="c999_p01_s01_a"):
        verdict_citation(["c999_p01_s01_a"], claims)


def test_no_chapter_prose_shows_a_claim_id():
    """Chapters cite the audit with {claim}`…` (rendered as the verdict); a bare {ref} to a card
    would print the claim's id in the text."""
    pages = sorted((HERE.parent / "book").glob("*.ipynb"))
    for page in pages:
        if page.stem == "corrections":  # the log names the record it changed
            continue
        text = page.read_text(encoding="utf-8")
        assert not re.search(r"\{ref\}`c\d{3}_p\d{2}_s\d{2}_[a-z] <", text), page.name


def test_claim_ids_are_written_as_places_in_card_text():
    from afterassad.chapters.claims import ids_as_places, locator

    assert locator("c001_p09_s02_a") == "the second article, paragraph 9, sentence 2"
    text = "the same fault as c001_p07_s01_a, rated in c000_p05_s10_b."
    assert ids_as_places(text) == (
        "the same fault as the claim at second article, paragraph 7, sentence 1, "
        "rated in the claim at first article, paragraph 5, sentence 10 (its second claim)."
    )
    with pytest.raises(ValueError):
        locator("c1_p9")


def test_printed_card_carries_no_claim_id_and_numbers_claims_sharing_a_sentence():
    import re

    from afterassad.chapters.claims import ClaimCards

    base = {
        "article_id": "seed_001",
        "paragraph": 5,
        "sentence": 2,
        "claim_type": "event",
        "claim": "x",
        "verdict": "needs_context",
        "corrected_value": None,
        "reasoning": "as c001_p05_s02_a says",
        "check_date": "pass",
        "check_attribution": "pass",
        "check_period": "pass",
        "check_numbers": "pass",
        "source_ids": "s1",
    }
    cards = ClaimCards(
        pd.DataFrame([{**base, "claim_id": "c001_p05_s02_a"}, {**base, "claim_id": "c001_p05_s02_b"}])
    )._repr_markdown_()
    assert "sentence 2, claim 1 of 2**" in cards and "sentence 2, claim 2 of 2**" in cards
    # outside the web-only blocks no id is left
    printed = re.sub(r":::\{only\} html\n.*?\n:::", "", cards, flags=re.S)
    assert "c001_p05" not in printed.replace("(claim-c001_p05_s02_a)=", "").replace("(claim-c001_p05_s02_b)=", "")


def test_printed_claim_text_never_calls_an_article_a_seed():
    claims = load("claims")
    for field in ("claim", "corrected_value", "reasoning"):
        said = claims[claims[field].fillna("").str.contains(r"\bseeds?\b", case=False, regex=True)]
        assert said.empty, f"'seed' in {field} of {', '.join(said['claim_id'])}: write 'the article'"
