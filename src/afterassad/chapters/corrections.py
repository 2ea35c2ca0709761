"""The corrections log: what was published, what has changed since, and the page that says so.

`reconcile` checks the ledger of published claims (claim id and verdict as first published)
against the claims as they stand and the corrections log: a published claim may only lose its id
or change its verdict through a correction row that says so. `page_markdown` writes the
Corrections appendix.
"""

from __future__ import annotations

import re

import pandas as pd

from afterassad.chapters.claims import _cite, anchor
from afterassad.core.dates import long_date
from afterassad.core.text import clip, md

# The web list keeps each entry short (the page must stay light on a phone): long texts are named,
# not repeated, and reasons are cut at a word; corrections.csv holds every value and reason in full.
LONG_VALUE = 120
REASON_CHARS = 220
# The re-verification of every fact (December 2026) labelled its reasons; the page says so once.
REVIEW_PREFIX = re.compile(r"^(Field-level re-verification|Strict re-verification): ")

KIND_LABELS = {
    "verdict_changed": "verdict changed",
    "fact_changed": "fact changed",
    "claim_withdrawn": "claim withdrawn",
    "sources_changed": "sources changed",
}


def _in_order(corrections: pd.DataFrame) -> pd.DataFrame:
    return corrections.sort_values(["date", "correction_id"], kind="stable")


def reconcile(published: pd.DataFrame, claims: pd.DataFrame, corrections: pd.DataFrame) -> list[str]:
    """Every way the claims have drifted from the ledger without a correction saying so.

    `published` holds claim_id and verdict as first published. For each published claim, its
    verdict corrections are applied in date order; each must start from the verdict it replaces.
    The result must be the verdict the claims table holds now, and the claim may be missing from
    the table only if a claim_withdrawn correction (starting from its verdict) removed it.
    Returns one message per problem; an empty list means the ledger and the data agree.
    """
    current = claims.set_index("claim_id")["verdict"]
    fixes = _in_order(corrections[corrections["target_table"].eq("claims")])
    problems = []
    for claim_id, verdict in zip(published["claim_id"], published["verdict"]):
        withdrawn_by = None
        for fix in fixes[fixes["target_id"].eq(claim_id)].itertuples():
            if withdrawn_by:
                problems.append(f"{claim_id}: {fix.correction_id} corrects it after {withdrawn_by} withdrew it")
            elif fix.kind in ("verdict_changed", "claim_withdrawn"):
                if fix.old_value != verdict:
                    problems.append(
                        f"{claim_id}: {fix.correction_id} starts from verdict '{fix.old_value}', but the verdict was '{verdict}'"
                    )
                if fix.kind == "claim_withdrawn":
                    withdrawn_by = fix.correction_id
                else:
                    verdict = fix.new_value
        if claim_id not in current.index:
            if not withdrawn_by:
                problems.append(
                    f"{claim_id}: published, now missing from data/claims.csv, and no claim_withdrawn correction says why"
                )
        elif withdrawn_by:
            problems.append(f"{claim_id}: withdrawn by {withdrawn_by}, but still in data/claims.csv")
        elif current[claim_id] != verdict:
            problems.append(
                f"{claim_id}: verdict is '{current[claim_id]}', but it was published (and corrected) "
                f"as '{verdict}'; add a verdict_changed correction"
            )
    return problems


def _target(fix) -> str:
    """What was corrected: a link to a claim's card, or the table and row."""
    if fix.target_table == "claims" and fix.kind != "claim_withdrawn":
        # A role's text is not Markdown, so the id goes in unescaped (the contract allows only
        # lowercase letters, digits and underscores in claim ids).
        return f"claim {{ref}}`{fix.target_id} <{anchor(fix.target_id)}>`"
    return f"{md(fix.target_table)} row {md(fix.target_id)}"


def entry(fix) -> str:
    """One correction as MyST. A withdrawn claim keeps its label here, so links to its card still land."""
    lines = []
    if fix.kind == "claim_withdrawn" and fix.target_table == "claims":
        lines.append(f"({anchor(fix.target_id)})=")
    old, new = (v if isinstance(v, str) else "" for v in (fix.old_value, fix.new_value))
    if fix.kind == "claim_withdrawn":
        change = f"withdrawn; its verdict had been {md(old)}"
    elif fix.kind == "sources_changed":
        before, after = set(old.split(";")) - {""}, set(new.split(";")) - {""}
        parts = [
            f"added {md(', '.join(sorted(after - before)))}" if after - before else "",
            f"removed {md(', '.join(sorted(before - after)))}" if before - after else "",
        ]
        change = "sources " + "; ".join(p for p in parts if p)
    elif len(old) + len(new) > LONG_VALUE:
        # A rewritten sentence is shown by its field alone; corrections.csv holds both texts.
        change = f"{md(fix.field)} rewritten" if old and new else f"{md(fix.field)} {'emptied' if old else 'filled in'}"
    else:
        change = f"{md(fix.field)}: {md(old) or '(empty)'} → {md(new) or '(empty)'}"
    sources = f" *Sources:* {_cite(fix.source_ids)}." if isinstance(fix.source_ids, str) and fix.source_ids else ""
    reason = clip(REVIEW_PREFIX.sub("", str(fix.reason)), REASON_CHARS)
    lines += [
        f"**{long_date(fix.date)}** · {md(fix.correction_id)} · {KIND_LABELS[fix.kind]} · {_target(fix)}. "
        f"{change}. *Why:* {md(reason)}{sources}",
        "",
    ]
    return "\n".join(lines)


def page_markdown(corrections: pd.DataFrame, version: str) -> str:
    """The list of corrections, newest first, or a plain statement that there are none."""
    if corrections.empty:
        return f"No correction has been made since the report was first released. This edition is version {md(version)}."
    ordered = _in_order(corrections).iloc[::-1]
    return "\n".join(entry(fix) for fix in ordered.itertuples())


def pdf_summary(corrections: pd.DataFrame, version: str) -> str:
    """For the PDF, which leaves the long list to the web edition: how many corrections, of what
    kind, in which tables, and where the full list is."""
    if corrections.empty:
        return page_markdown(corrections, version)
    plural = {
        "fact_changed": "changes to a fact",
        "sources_changed": "changes to the sources behind a row",
        "verdict_changed": "changed verdicts",
        "claim_withdrawn": "withdrawn claims",
    }
    kinds = corrections["kind"].map(plural).value_counts()
    tables = corrections["target_table"].str.replace("_", " ").value_counts()
    dates = sorted(corrections["date"].dropna().unique())
    when = long_date(dates[0]) if len(dates) == 1 else f"{long_date(dates[0])} to {long_date(dates[-1])}"
    return (
        f"The log holds {len(corrections):,} corrections, made {when}: "
        + ", ".join(f"{n:,} {k}" for k, n in kinds.items())
        + ". By table: "
        + ", ".join(f"{t} {n:,}" for t, n in tables.items())
        + ". The full list, with each old and new value and the reason for it, is on the Corrections page "
        f"of the web edition and in the data package (version {version}), in corrections.csv."
    )


class CorrectionsList:
    """Displays the corrections: the full list as Markdown on the web page, a summary in the PDF."""

    def __init__(self, corrections: pd.DataFrame, version: str):
        self.corrections, self.version = corrections, version

    def _repr_markdown_(self) -> str:
        return (
            "::::{only} html\n" + page_markdown(self.corrections, self.version) + "\n::::\n\n"
            "::::{only} latex\n" + md(pdf_summary(self.corrections, self.version)) + "\n::::\n"
        )

    def __repr__(self) -> str:
        return f"{len(self.corrections)} corrections (version {self.version})"
