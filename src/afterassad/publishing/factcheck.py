"""Machine-readable fact-checks: one schema.org ClaimReview record per claim of the audit.

The records are built from the tidy tables (claims, sources, corrections) and the edition
(CITATION.cff). The Sphinx extension embeds them in the claims-audit page as JSON-LD and publishes
the same records as a downloadable file (see sphinxext.py).

Choices, written down in the method page:

- Rating: the four verdicts that say how true a claim is map onto 1 (wrong) to 4 (correct).
  "Unverifiable" is not a point on that scale, so it gets no number, only its label.
- The review's date: the data hold no per-claim check date, so every record carries the edition's
  release date (CITATION.cff); a claim touched by a correction also gets `dateModified`, the date
  of its latest correction.
- The review's URL: the claim's card on the claims-audit page. The page's address is only known
  when the site is published, so it is built on the `html.baseurl` setting of `_config.yml`
  (empty by default, giving a path from the site's root).
- The claim's appearance: the seed article, with the address and publisher of the copy read where
  the registry has one. Who wrote a seed and when it was published are unknown, so the records
  name neither.
"""

from __future__ import annotations

import json

import pandas as pd
from docutils.nodes import make_id

from afterassad.chapters.claims import anchor
from afterassad.figures import style
from afterassad.publishing import edition

PAGE = "book/claims_audit"  # Sphinx's name of the claims-audit page
FILE_NAME = "claimreview.json"

# How true a claim is, worst to best. "unverifiable" is deliberately absent: no number.
RATING_VALUES = {"wrong": 1, "misleading": 2, "needs_context": 3, "correct": 4}
WORST_RATING, BEST_RATING = min(RATING_VALUES.values()), max(RATING_VALUES.values())


def scale_markdown() -> str:
    """The rating scale as a Markdown table, for the method page (a substitution set by sphinxext)."""
    rows = ["| Verdict | Number | Label |", "|---|---|---|"]
    scaled = sorted(RATING_VALUES, key=RATING_VALUES.get)
    for verdict in scaled + [v for v in style.VERDICT_ORDER if v not in RATING_VALUES]:
        value = RATING_VALUES.get(verdict)
        rows.append(f"| {verdict} | {value if value is not None else 'none'} | {style.VERDICT_LABELS[verdict]} |")
    return "\n".join(rows)


def card_url(claim_id: str, site_url: str = "") -> str:
    """Address of a claim's card: the page plus the HTML id Sphinx gives the card's label.

    Docutils turns the label `claim-c000_p01_s01_a` into the id `claim-c000-p01-s01-a`.
    """
    path = f"{PAGE}.html#{make_id(anchor(claim_id))}"
    return f"{site_url.rstrip('/')}/{path}" if site_url else path


def rating(verdict: str) -> dict:
    """A schema.org Rating for a verdict: the number on the 1-4 scale (none for unverifiable) and the label."""
    label = style.VERDICT_LABELS[verdict]
    if verdict not in RATING_VALUES:
        return {"@type": "Rating", "alternateName": label}
    return {
        "@type": "Rating",
        "ratingValue": RATING_VALUES[verdict],
        "bestRating": BEST_RATING,
        "worstRating": WORST_RATING,
        "alternateName": label,
    }


def reviewer() -> dict | list[dict]:
    """The authors of the report, as in CITATION.cff (an Organization for a name, a Person otherwise)."""
    people = []
    for author in edition.citation_file()["authors"]:
        if author.get("name"):
            people.append({"@type": "Organization", "name": str(author["name"])})
        else:
            people.append({"@type": "Person", "name": f"{author['given-names']} {author['family-names']}"})
    return people[0] if len(people) == 1 else people


def release_date() -> str:
    return str(edition.citation_file()["date-released"])


def appearance(seed: pd.Series) -> dict:
    """The seed article as a CreativeWork.

    The registry's `url` and `publisher` describe the copy that was read; a seed with no URL has no
    known copy online, so its publisher is left out too. A seed's title is named as such only if
    it is the title as published; a descriptive title (written here) becomes the description.
    Author and date are given only when the registry knows them (to the day).
    """
    work: dict = {"@type": "CreativeWork"}
    key = "name" if seed["title_kind"] == "as_published" else "description"
    work[key] = str(seed["title"])
    if pd.notna(seed["url"]):
        work["url"] = str(seed["url"])
        work["publisher"] = {"@type": "Organization", "name": str(seed["publisher"])}
    if seed["date_published_precision"] == "day" and pd.notna(seed["date_published"]):
        work["datePublished"] = f"{seed['date_published']:%Y-%m-%d}"
    return work


def claim_review(claim: pd.Series, seed: pd.Series, site_url: str = "", modified: pd.Timestamp | None = None) -> dict:
    record = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": card_url(claim["claim_id"], site_url),
        "identifier": str(claim["claim_id"]),
        "claimReviewed": str(claim["claim"]),
        "reviewRating": rating(claim["verdict"]),
        "itemReviewed": {"@type": "Claim", "appearance": appearance(seed)},
        "author": reviewer(),
        "datePublished": release_date(),
    }
    if modified is not None and pd.notna(modified):
        record["dateModified"] = f"{modified:%Y-%m-%d}"
    return record


def claim_reviews(claims: pd.DataFrame, sources: pd.DataFrame, corrections: pd.DataFrame, site_url: str = "") -> list[dict]:
    """One ClaimReview per claim, in the order of the claims table."""
    seeds = sources.set_index("source_id")
    touched = corrections[corrections["target_table"].eq("claims")]
    latest = touched.groupby("target_id")["date"].max()
    return [
        claim_review(claim, seeds.loc[claim["article_id"]], site_url, latest.get(claim["claim_id"]))
        for _, claim in claims.iterrows()
    ]


def to_json(records: list[dict], indent: int | None = None) -> str:
    """The records as JSON that is also safe inside an HTML script element.

    `<`, `>` and `&` are written as \\u escapes, so no cell can close the element (`</script>`) or
    open a comment; a JSON reader gets the same text back.
    """
    separators = None if indent else (",", ":")
    text = json.dumps(records, ensure_ascii=False, indent=indent, separators=separators)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def script_element(records: list[dict]) -> str:
    """The JSON-LD element for the page's head (compact: it is for machines)."""
    return f'<script type="application/ld+json">{to_json(records)}</script>\n'
