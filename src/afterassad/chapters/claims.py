"""The claims audit: summaries, the verdict figure and one card per claim."""

from __future__ import annotations

import re

import pandas as pd
import plotly.graph_objects as go

from afterassad.core.text import html, md
from afterassad.figures import style

CHECKS = {"check_date": "date", "check_attribution": "attribution", "check_period": "period", "check_numbers": "numbers"}


ORDINALS = ("First", "Second", "Third", "Fourth")


def article_label(article_id: str) -> str:
    """How the report names an article under test: "First article" for seed_000, in reading order."""
    return f"{ORDINALS[int(article_id.removeprefix('seed_'))]} article"


CLAIM_ID = re.compile(r"\bc(\d{3})_p(\d{2})_s(\d{2})_([a-z])\b")


def locator(claim_id: str) -> str:
    """Where a claim stands, in words: "the second article, paragraph 9, sentence 2" for c001_p09_s02_a.

    The printed report names claims by their place in the articles, never by id."""
    match = CLAIM_ID.fullmatch(claim_id)
    if match is None:
        raise ValueError(f"not a claim id: {claim_id!r}")
    article, paragraph, sentence, _ = match.groups()
    return f"the {article_label(f'seed_{article}').lower()}, paragraph {int(paragraph)}, sentence {int(sentence)}"


PART_WORDS = ("first", "second", "third", "fourth", "fifth")


def ids_as_places(text: str) -> str:
    """A card's text with every claim id written as the claim's place in its article; a sentence's later
    claims are named as such ("its second claim"), so a card never seems to point at itself."""

    def place(m: re.Match) -> str:
        part = ord(m.group(4)) - ord("a")
        where = f"the claim at {locator(m.group(0)).removeprefix('the ')}"
        return where if part == 0 else f"{where} (its {PART_WORDS[part]} claim)"

    return CLAIM_ID.sub(place, text)


def anchor(claim_id: str) -> str:
    """The stable label of a claim's card; chapters link to it with {ref}."""
    return f"claim-{claim_id}"


def verdict_counts(claims: pd.DataFrame) -> pd.DataFrame:
    """Claims per article and verdict, every verdict present as a column (zeros kept)."""
    counts = pd.crosstab(claims["article_id"], claims["verdict"])
    return counts.reindex(columns=style.VERDICT_ORDER, fill_value=0)


def distinct_errors(claims: pd.DataFrame, verdicts: tuple[str, ...] = ("wrong",)) -> int:
    """How many distinct errors the claims with these verdicts make: a claim split from the same
    error as an earlier one (same_error_as) is not counted again."""
    chosen = claims[claims["verdict"].isin(verdicts)]
    first = chosen["same_error_as"].where(chosen["same_error_as"].fillna("").ne(""), chosen["claim_id"])
    return int(first.nunique())


def check_failures(claims: pd.DataFrame) -> pd.DataFrame:
    """How many claims fail each of the four checks, per article."""
    rows = {}
    for column, label in CHECKS.items():
        rows[label] = claims.assign(fail=claims[column].eq("fail")).groupby("article_id")["fail"].sum()
    return pd.DataFrame(rows).astype(int)


def verdict_figure(claims: pd.DataFrame) -> go.Figure:
    counts = verdict_counts(claims)
    articles = [article_label(a) for a in counts.index]
    fig = go.Figure()
    for verdict in style.VERDICT_ORDER:
        fig.add_trace(
            go.Bar(
                y=articles,
                x=counts[verdict].tolist(),
                name=style.VERDICT_LABELS[verdict],
                orientation="h",
                marker_color=style.VERDICT_COLOURS[verdict],
                text=[str(n) if n else "" for n in counts[verdict]],
                textposition="inside",
                insidetextanchor="middle",
                textangle=0,
                hovertemplate="%{y}: %{x} claims " + html(style.VERDICT_LABELS[verdict].lower()) + "<extra></extra>",
            )
        )
    fig.update_layout(
        barmode="stack",
        xaxis_title="Number of factual claims",
        yaxis_title=None,
        yaxis=dict(autorange="reversed"),
        legend_traceorder="normal",
    )
    return fig


def _cite(source_ids) -> str:
    if not isinstance(source_ids, str) or not source_ids:
        return "none found"
    # Ids are checked by the contract (lowercase letters, digits, underscores), so they are safe here.
    return "{cite:p}`" + ",".join(source_ids.split(";")) + "`"


def claim_card(row: pd.Series, claims_in_sentence: int = 1) -> str:
    """One claim as MyST: a stable target, then the claim, verdict, checks, reasoning and evidence.

    Every data cell goes through `md` so that whatever it holds is printed, never interpreted. The card
    is headed by the claim's place in its article; its id (a stable link target) shows on the web only,
    and ids inside the text are written as places, so the printed report carries none.
    """
    checks = " · ".join(f"{label}: {row[col].replace('_', ' ')}" for col, label in CHECKS.items())
    part = ""
    if claims_in_sentence > 1:
        part = f", claim {ord(row['claim_id'][-1]) - ord('a') + 1} of {claims_in_sentence}"
    corrected = row["corrected_value"]
    lines = [
        f"::::{{container}} aa-claim verdict-{row['verdict']}",
        f"({anchor(row['claim_id'])})=",
        f"**{md(article_label(row['article_id']))}, paragraph {row['paragraph']}, "
        f"sentence {row['sentence']}{part}** · {md(row['claim_type'])}",
        "",
        ":::{only} html",
        f"Claim id: {md(row['claim_id'])}",
        ":::",
        "",
        f"*Claim:* {md(row['claim'])}",
        "",
        f"*Verdict:* **{md(style.VERDICT_LABELS[row['verdict']])}**"
        + (f". *Corrected:* {md(ids_as_places(corrected))}" if pd.notna(corrected) else ""),
        "",
        f"*Checks:* {md(checks)}",
        "",
        f"*Why:* {md(ids_as_places(row['reasoning']))}",
        "",
        f"*Evidence:* {_cite(row['source_ids'])}",
        "::::",
        "",
    ]
    return "\n".join(lines)


class ClaimCards:
    """Displays the cards as Markdown, which myst-nb renders for both the web and the PDF."""

    def __init__(self, claims: pd.DataFrame):
        self.claims = claims

    def _repr_markdown_(self) -> str:
        per_sentence = self.claims.groupby(["article_id", "paragraph", "sentence"])["claim_id"].transform("size")
        return "\n".join(claim_card(row, int(per_sentence[i])) for i, row in self.claims.iterrows())

    def __repr__(self) -> str:
        return f"{len(self.claims)} claim cards: {', '.join(self.claims['claim_id'])}"


def earliest_evidence(claims: pd.DataFrame, sources: pd.DataFrame, claim_id: str) -> pd.Timestamp:
    """Publication date of the earliest dated source behind a claim (day or month precision)."""
    ids = claims.set_index("claim_id").loc[claim_id, "source_ids"].split(";")
    cited = sources[sources["source_id"].isin(ids) & sources["date_published_precision"].isin(["day", "month"])]
    if cited.empty:
        raise ValueError(f"no dated source behind {claim_id}")
    return cited["date_published"].min()


def verdict_sources(claims: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    """The sources the verdicts rest on: every source a claim cites, less the seed articles under test."""
    ids = {s for cell in claims["source_ids"].dropna() for s in str(cell).split(";") if s}
    behind = sources[sources["source_id"].isin(ids)]
    return behind[behind["source_type"] != "seed_article"]


def verdict_citation(claim_ids: list[str], claims: pd.DataFrame) -> tuple[str, list[tuple[str, str]]]:
    """How prose cites the audit's cards without showing their ids: a lead-in ("verdict" or "verdicts")
    and, per claim, the card's label and its verdict in words, in the order given. A claim id that
    is not in the audit is an error, not a silent link to nowhere."""
    verdicts = claims.set_index("claim_id")["verdict"]
    unknown = [c for c in claim_ids if c not in verdicts.index]
    if unknown:
        raise KeyError(f"claims audit has no claim {', '.join(unknown)}")
    lead = "verdict" if len(claim_ids) == 1 else "verdicts"
    return lead, [(anchor(c), style.VERDICT_LABELS[verdicts[c]].lower()) for c in claim_ids]
