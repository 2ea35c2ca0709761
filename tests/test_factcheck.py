"""Machine-readable fact-checks: one ClaimReview per claim, with what fact-check readers need."""

from __future__ import annotations

import json
import re

import pandas as pd
import pytest

from afterassad import load
from afterassad.figures import style
from afterassad.publishing import edition
from afterassad.publishing.factcheck import (
    BEST_RATING,
    RATING_VALUES,
    WORST_RATING,
    card_url,
    claim_reviews,
    rating,
    scale_markdown,
    script_element,
    to_json,
)


@pytest.fixture(scope="module")
def tables():
    return load("claims"), load("sources"), load("corrections")


@pytest.fixture(scope="module")
def records(tables):
    return claim_reviews(*tables)


def test_every_claim_has_exactly_one_record(tables, records):
    claims = tables[0]
    ids = [r["identifier"] for r in records]
    assert sorted(ids) == sorted(claims["claim_id"]) and len(set(ids)) == len(ids)
    by_id = {r["identifier"]: r for r in records}
    for claim in claims.itertuples():
        assert by_id[claim.claim_id]["claimReviewed"] == claim.claim
        assert by_id[claim.claim_id]["reviewRating"]["alternateName"] == style.VERDICT_LABELS[claim.verdict]


def test_each_record_has_the_fields_fact_check_readers_use(records):
    for r in records:
        assert r["@context"] == "https://schema.org" and r["@type"] == "ClaimReview"
        assert r["claimReviewed"].strip()
        assert r["reviewRating"]["@type"] == "Rating" and r["reviewRating"]["alternateName"]
        assert r["itemReviewed"]["@type"] == "Claim" and r["itemReviewed"]["appearance"]["@type"] == "CreativeWork"
        assert r["author"]["name"] == edition.authors()
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", r["datePublished"])
        assert r["url"].endswith("#claim-" + r["identifier"].replace("_", "-"))


def test_review_date_is_the_release_date_when_the_data_hold_no_check_date(tables, records):
    claims = tables[0]
    # If the claims table gains a date of checking, the records must use it: this test will say so.
    assert not any(pd.api.types.is_datetime64_any_dtype(claims[c]) for c in claims.columns)
    assert {r["datePublished"] for r in records} == {str(edition.citation_file()["date-released"])}


def test_rating_scale_orders_the_verdicts_and_leaves_unverifiable_without_a_number():
    scaled = [v for v in style.VERDICT_ORDER if v in RATING_VALUES]
    # style.VERDICT_ORDER runs from best to worst; the numbers must fall along it, one step at a time
    assert [RATING_VALUES[v] for v in scaled] == list(range(BEST_RATING, WORST_RATING - 1, -1))
    assert set(style.VERDICT_ORDER) - set(RATING_VALUES) == {"unverifiable"}
    for verdict in scaled:
        r = rating(verdict)
        assert r["worstRating"] <= r["ratingValue"] <= r["bestRating"]
    assert rating("unverifiable") == {"@type": "Rating", "alternateName": "Unverifiable"}
    assert "| unverifiable | none | Unverifiable |" in scale_markdown()


def test_appearance_is_the_seed_with_its_registry_url_and_publisher_only_where_known(tables, records):
    claims, sources, _ = tables
    seeds = sources.set_index("source_id")
    for record, article in zip(records, claims["article_id"]):
        seed = seeds.loc[article]
        work = record["itemReviewed"]["appearance"]
        if pd.isna(seed["url"]):
            assert "url" not in work and "publisher" not in work
        else:
            assert work["url"] == seed["url"] and work["publisher"]["name"] == seed["publisher"]
        # the seeds have no known author or date: nothing may be made up for them
        assert "author" not in record["itemReviewed"] and "datePublished" not in work


def test_url_rests_on_the_site_url_setting():
    assert card_url("c000_p01_s01_a") == "book/claims_audit.html#claim-c000-p01-s01-a"
    assert (
        card_url("c000_p01_s01_a", "https://example.org/aa/")
        == "https://example.org/aa/book/claims_audit.html#claim-c000-p01-s01-a"
    )


def test_a_correction_dates_the_modified_record(tables):
    claims, sources, _ = tables
    target = claims["claim_id"].iloc[3]
    fixes = pd.DataFrame(
        {
            "target_table": ["claims", "claims", "events"],
            "target_id": [target, target, target],
            "date": pd.to_datetime(["2027-01-05", "2027-03-02", "2027-09-09"]),
        }
    )
    records = {r["identifier"]: r for r in claim_reviews(claims, sources, fixes)}
    assert records[target]["dateModified"] == "2027-03-02"
    assert sum("dateModified" in r for r in records.values()) == 1


def test_json_cannot_break_out_of_its_script_element(tables):
    claims, sources, corrections = tables
    hostile = claims.head(1).assign(claim="x </script><script>alert(1)</script> <!-- & \u2028 end")
    element = script_element(claim_reviews(hostile, sources, corrections))
    assert element.count("</script>") == 1 and element.rstrip().endswith("</script>")
    assert "<!--" not in element
    body = element.split(">", 1)[1].rsplit("</script>", 1)[0]
    assert json.loads(body)[0]["claimReviewed"] == hostile["claim"].iloc[0]
    assert json.loads(to_json(claim_reviews(hostile, sources, corrections), indent=1)) == json.loads(body)
