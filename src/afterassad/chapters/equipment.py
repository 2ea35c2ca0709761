"""The equipment chapter's analysis: what the United States left in Afghanistan in 2021 and what
became of the Syrian state's arsenal in 2024, compared category by category; whose equipment each
number counts and what happened to it; the Afghan headline total broken into its categories; every
money value as its source gives it; and the articles' framing set beside what the sources count.

Two rules run through the module. Rows that count the same items (`same_items_as`) are competing
counts: they give a range and are never added. Rows that count different items are added, and the
sum is a documented minimum, never an estimate of the whole.
"""

from __future__ import annotations

import re
from typing import NamedTuple

import pandas as pd
import plotly.graph_objects as go

from afterassad.chapters.milestones import offensive_launch, regime_fall
from afterassad.core import ranges
from afterassad.core.dates import long_date, on_date, span, with_precision
from afterassad.core.text import Plain, and_list, clip, html, wrap_label
from afterassad.data.loader import load
from afterassad.figures import style

THEATRES = {"afghanistan_2021": "Afghanistan, 2021", "syria_2024": "Syria, 2024"}

# Whose equipment a row counts. The patron's own forces are kept apart from the client state's.
PATRON_OWNERS = {"afghanistan_2021": {"united_states"}, "syria_2024": {"russia", "russian_armed_forces", "oboronlogistika"}}
OWNER_LABELS = {
    "afghan_government": "Afghan state's forces (US-funded)",
    "united_states": "US forces' own",
    "syrian_government": "Syrian state's forces",
    "russia": "Russia's own",
    "russian_armed_forces": "Russia's own",
    "oboronlogistika": "Russia's own",
}

CATEGORY_LABELS = {
    "aircraft": "Aircraft",
    "helicopter": "Helicopters",
    "tank": "Tanks",
    "armoured_vehicle": "Armoured vehicles",
    "vehicle": "Vehicles, mixed or unarmoured",
    "artillery": "Artillery",
    "air_defence": "Air defence",
    "naval": "Naval vessels",
    "small_arms": "Small arms",
    "munitions": "Munitions",
    "night_vision_and_other": "Night vision and other kit",
    "other": "Other",
    "all": "All categories",
}
CATEGORY_ORDER = list(CATEGORY_LABELS)
# How prose counts each category's items: (one, more than one)
CATEGORY_NOUNS = {
    "aircraft": ("aircraft", "aircraft"),
    "helicopter": ("helicopter", "helicopters"),
    "tank": ("tank", "tanks"),
    "armoured_vehicle": ("armoured vehicle", "armoured vehicles"),
    "vehicle": ("vehicle", "vehicles"),
    "artillery": ("artillery piece", "artillery pieces"),
    "air_defence": ("air-defence system", "air-defence systems"),
    "naval": ("naval vessel", "naval vessels"),
    "small_arms": ("small arm", "small arms"),
    "munitions": ("munition", "munitions"),
    "night_vision_and_other": ("item of night-vision and other kit", "items of night-vision and other kit"),
    "other": ("other item", "other items"),
    "all": ("item", "items"),
}

EVIDENCE_LABELS = {
    "official_audit": "official audit",
    "official_claim": "official's claim",
    "analyst_estimate": "analyst's estimate",
    "modelled_index": "modelled index",
    "press_report": "press report",
    "imagery": "imagery",
}
# A reading of satellite or aerial imagery is one class of evidence wherever it appears, whoever read it:
# an analyst's or an outlet's reading of imagery is "imagery", not "analyst's estimate" or "press report".
# A party's own statement stays a party's, whatever it says it saw.
IMAGERY_WORDS = re.compile(r"\bimagery\b", re.I)
READINGS = ("analyst_estimate", "press_report")


def evidence_class(rows: pd.DataFrame) -> pd.Series:
    """The kind of evidence each row is shown as: its recorded kind, except that a row whose estimator is a
    reading of imagery (an analyst's or an outlet's) is shown as imagery, so that every table uses one class
    for it."""
    reads_imagery = rows["estimator"].fillna("").str.contains(IMAGERY_WORDS) & rows["evidence_kind"].isin(READINGS)
    return rows["evidence_kind"].where(~reads_imagery, "imagery")


def evidence_words(rows: pd.DataFrame) -> str:
    """The kinds of evidence of some rows, in words, each once."""
    return ", ".join(dict.fromkeys(EVIDENCE_LABELS[e] for e in evidence_class(rows)))


# What became of equipment, as the matrix's columns read.
OUTCOME_COLUMNS = {
    "before_war_inventory": "Held before the war",
    "pre_collapse_inventory": "Held before the exit",
    "left_behind": "Left behind",
    "removed_or_disabled": "Disabled or removed before the exit",
    "evacuated": "Moved to the coast, offshore or out",
    "captured": "Captured",
    "destroyed": "Destroyed",
    "damaged": "Damaged",
    "remained": "Still held",
    "unknown": "Fate unknown",
}
OUTCOME_COLOURS = {
    "Held before the war": "#8c959f",
    "Held before the exit": "#6e7781",
    "Left behind": "#B8860B",
    "Disabled or removed before the exit": "#332288",
    "Moved to the coast, offshore or out": "#0072B2",
    "Captured": "#44AA99",
    "Destroyed": "#C1121F",
    "Damaged": "#E08E79",
    "Still held": "#1a7f37",
    "Fate unknown": "#999999",
}

# The series of the side-by-side figure: which rows each takes, and how it reads.
SERIES = {
    "afg_left": (
        "Afghanistan: the Afghan forces' US-funded equipment left behind",
        "afghanistan_2021",
        "afghan_government",
        ("left_behind", "captured"),
    ),
    "afg_disabled": (
        "Afghanistan: the same forces' equipment disabled by US troops before they left",
        "afghanistan_2021",
        "afghan_government",
        ("removed_or_disabled",),
    ),
    "syr_prewar": ("Syria: the state's arsenal before the war", "syria_2024", "syrian_government", ("before_war_inventory",)),
    "syr_before": (
        "Syria: the state's arsenal in the middle of the war",
        "syria_2024",
        "syrian_government",
        ("pre_collapse_inventory",),
    ),
    "syr_lost": (
        "Syria: the state's items documented destroyed or captured in the offensive and after",
        "syria_2024",
        "syrian_government",
        ("destroyed", "captured"),
    ),
}
SERIES_COLOURS = {
    "afg_left": "#999933",
    "afg_disabled": "#C8C870",
    "syr_prewar": "#F0B58A",
    "syr_before": "#D55E00",
    "syr_lost": "#7A2E00",
}
INVENTORY = ("before_war_inventory", "pre_collapse_inventory")
# The chart sets what changed hands against what changed hands: stocks (the Syrian arsenal before and
# during the war) are a different measure, given in the text, not on the same axis.
CHART_SERIES = ("afg_left", "afg_disabled", "syr_lost")

# The rows the framing table sets beside each other: the two numbers of the article under test (its
# estimates rows keep the ids they were given), the claims around them, and what the sources document.
# Ids, so a test can check each still exists.
SEED_US_VALUE = "est_seed_us_equipment_left_7bn"
SEED_RUSSIA_COUNT = "est_seed_russia_lost_thousands"
DOD_HEADLINE = "eq_afg_andsf_remaining_7p12bn_dod"
TRUMP_CLAIM = "eq_afg_claim_85bn_trump"
TAJIKISTAN = "eq_afg_aaf_to_tajikistan"
SECURITY_FUNDING = "est_afg_security_appropriated_2002_2021"
EQUIPMENT_PROVIDED = "est_afg_equipment_provided_2005_2021"
CIVIL_WAR_ARMOUR = "eq_syr_civil_war_armour_destroyed_2011_2018"
LOST = ("destroyed", "captured", "left_behind")
DERELICT_WORDS = ("non-operational", "spare-parts", "spare parts")


def is_counted(frame: pd.DataFrame, prefix: str = "count") -> pd.Series:
    return frame[[f"{prefix}_low", f"{prefix}_best", f"{prefix}_high"]].notna().any(axis=1)


def competing_group(equipment: pd.DataFrame) -> pd.Series:
    """The id that rows counting the same items share: the row they name in same_items_as, or their own."""
    return equipment["same_items_as"].fillna(equipment["equipment_id"])


def documented_total(rows: pd.DataFrame, prefix: str = "count") -> ranges.Range | None:
    """What counted rows document together: competing counts of the same items give a range, and
    different items are added. None where no row was counted."""
    rows = rows[is_counted(rows, prefix)]
    if rows.empty:
        return None
    parts = []
    for _, group in rows.groupby(competing_group(rows), sort=False):
        each = [ranges.from_row(r, prefix) for _, r in group.iterrows()]
        best = each[0].best if len(each) == 1 else None
        parts.append(ranges.Range(min(r.low for r in each), best, max(r.high for r in each), any(r.open_high for r in each)))
    return ranges.total(parts)


def inventory_range(rows: pd.DataFrame) -> ranges.Range | None:
    """Estimates of one stock by different estimators or years: each estimator's figure for a date
    (its sub-types added, as Global Firepower lists artillery by kind) is one estimate, and the
    estimates give a range."""
    rows = rows[is_counted(rows)]
    if rows.empty:
        return None
    estimates = [
        ranges.total(ranges.from_row(r, "count") for _, r in g.iterrows())
        for _, g in rows.groupby(["estimator", "as_of"], sort=False)
    ]
    best = estimates[0].best if len(estimates) == 1 else None
    return ranges.Range(min(e.low for e in estimates), best, max(e.high for e in estimates), any(e.open_high for e in estimates))


def not_claimed(rows: pd.DataFrame) -> pd.DataFrame:
    """The rows that rest on more than a party's own word or low-graded pages (status confirmed or
    reported): only these are counted or drawn as documented; claims are shown apart."""
    return rows[rows["status_of_claim"] != "claimed"]


def further_claims(rows: pd.DataFrame) -> pd.DataFrame:
    """The claimed rows that count items no independent row counts. A claimed count of items that an
    independent row also counts (same_items_as) is another figure for the same items, not more items."""
    group = competing_group(rows)
    documented_groups = set(group[rows["status_of_claim"] != "claimed"])
    return rows[(rows["status_of_claim"] == "claimed") & ~group.isin(documented_groups)]


def series_rows(equipment: pd.DataFrame, key: str, since: pd.Timestamp | None = None, claims: bool = False) -> pd.DataFrame:
    """The rows one series of the side-by-side figure draws on: by default without claims (a modelled
    index, a party's count or a figure only low-graded pages give); with `claims`, only those."""
    _, conflict, owner, outcomes = SERIES[key]
    rows = equipment[
        (equipment["conflict"] == conflict)
        & (equipment["owner_actor_id"] == owner)
        & equipment["outcome"].isin(outcomes)
        & (equipment["category"] != "all")
    ]
    rows = further_claims(rows) if claims else not_claimed(rows)
    if since is not None and key == "syr_lost":
        rows = rows[rows["as_of"] >= since]
    return rows


def by_category(equipment: pd.DataFrame, since: pd.Timestamp, series: tuple[str, ...] = CHART_SERIES) -> pd.DataFrame:
    """One row per series and category: the range the sources give, the rows behind it, and how
    strong the evidence is. `since` is the start of the offensive: losses before it (the civil war's)
    are not the collapse's."""
    out = []
    for key in series:
        rows = series_rows(equipment, key, since)
        for category, part in rows.groupby("category", sort=False):
            r = inventory_range(part) if SERIES[key][3][0] in INVENTORY else documented_total(part)
            if r is None:
                continue
            out.append(
                {
                    "series": key,
                    "category": category,
                    "range": r,
                    "rows": len(part),
                    "estimators": "; ".join(dict.fromkeys(part["estimator"])),
                    "evidence": evidence_words(part),
                    "years": sorted({d.year for d in part["as_of"]}),
                    "detail": part,
                }
            )
    frame = pd.DataFrame(out)
    frame["category_order"] = frame["category"].map(CATEGORY_ORDER.index)
    frame["series_order"] = frame["series"].map(list(SERIES).index)
    return frame.sort_values(["category_order", "series_order"]).reset_index(drop=True)


def is_derelict(row) -> bool:
    """Whether a row's own words say its items are not usable: said to be non-operational, or kept for
    spare parts. Derelict stock is not usable equipment in new hands, whoever holds it."""
    notes = row.get("notes")
    words = f"{row['system']} {notes if isinstance(notes, str) else ''}".lower()
    return any(w in words for w in DERELICT_WORDS)


def derelict_words(rows: pd.DataFrame) -> str:
    """'derelict airframes, said to be non-operational' when every row given is derelict (is_derelict),
    so that a count of them is never read as usable equipment; empty otherwise."""
    if rows.empty or not all(is_derelict(r) for _, r in rows.iterrows()):
        return ""
    kind = "airframes" if rows["category"].isin(("aircraft", "helicopter")).all() else "items"
    return f"derelict {kind}, said to be non-operational"


def condition(row) -> str:
    """What a row says of the items' state, as far as its sources go: disabled before the exit, or
    derelict (airframes said to be non-operational, on a base that was overrun where the row names a
    base and the items were captured there); otherwise the sources give no condition."""
    if row["outcome"] == "removed_or_disabled":
        return "disabled by US troops before they left"
    what = OUTCOME_COLUMNS.get(row["outcome"], row["outcome"]).lower()
    if not is_derelict(row):
        return f"{what}; condition not given"
    kind = "airframes" if row["category"] in ("aircraft", "helicopter") else "items"
    where = " on an overrun base" if row["outcome"] == "captured" and re.search(r"\bbase\b", row["system"]) else ""
    return f"{what}: derelict {kind}{where}, said to be non-operational"


def theatre_table(rows: pd.DataFrame, conflict: str) -> pd.DataFrame:
    """One theatre's part of the side-by-side numbers, one row per category and condition, so that
    usable, disabled and derelict items are never summed into one figure. `Counted by` names only
    the rows that give a count; rows without one are named in their own column."""
    out = []
    for r in rows[rows["series"].map(lambda k: SERIES[k][1]) == conflict].itertuples():
        detail = r.detail.assign(condition=[condition(x) for _, x in r.detail.iterrows()])
        for cond, part in detail.groupby("condition", sort=False):
            counted, uncounted = part[is_counted(part)], part[~is_counted(part)]
            total = documented_total(counted) if len(counted) else None
            out.append(
                {
                    "Category": CATEGORY_LABELS[r.category],
                    "Condition": cond[0].upper() + cond[1:],
                    "Items": total.words() if total is not None else "no count",
                    "Counted by": "; ".join(dict.fromkeys(counted["estimator"])) or "no source gives a count",
                    "Also reported, with no count": "; ".join(clip(x, 60) for x in uncounted["system"]),
                    "Kind of evidence": evidence_words(part),
                }
            )
    frame = pd.DataFrame(out)
    if not frame["Also reported, with no count"].astype(bool).any():
        frame = frame.drop(columns="Also reported, with no count")
    return frame


# ------------------------------------------------------------------ whose equipment, and what happened

# Rows the matrix leaves out. Trump's "$85 billion" is not a value of equipment: the fact-checkers its
# row cites trace it to all US security funding for Afghanistan, which also paid troops, training,
# operations and infrastructure. Drawn in a cell of the US forces' own equipment it would read as
# equipment left behind. The chapter's text discusses it, and the framing table leaves it out too.
NOT_EQUIPMENT = (TRUMP_CLAIM,)
STRENGTH = {"confirmed": 0, "reported": 1, "claimed": 2}


# A modelled index (Global Firepower's) is neither a count nor a party's claim: it never enters a count.
MODELLED = "modelled_index"
# A stock counted more than this many years before its theatre's exit began is not "held before the exit".
STALE_STOCK_YEARS = 2
# A row that restates another's figure (SIGAR's rounding of the Defense Department's headline) says so in
# its notes: it is the same figure, not a competing count, and gives no range.
RESTATEMENT = re.compile(r"\brestatement\b", re.I)
PARTY_STATEMENT = "party_statement"


def not_modelled(rows: pd.DataFrame) -> pd.DataFrame:
    return rows[rows["evidence_kind"] != MODELLED]


def theatre_exits(equipment: pd.DataFrame, syria_since: pd.Timestamp) -> dict[str, pd.Timestamp]:
    """When each theatre's exit began: in Syria the offensive; elsewhere the earliest date of what became
    of the equipment (the first row that is not a stock)."""
    fates = equipment[~equipment["outcome"].isin(INVENTORY)]
    exits = {c: d for c, d in fates.groupby("conflict")["as_of"].min().items()}
    exits["syria_2024"] = syria_since
    return exits


def stale_stock(rows: pd.DataFrame, exits: dict[str, pd.Timestamp], years: int = STALE_STOCK_YEARS) -> pd.Series:
    """The rows of a stock "held before the exit" counted more than `years` years before their theatre's
    exit began: a count that old (IISS's 2013 count of Syria's combat jets, eleven years before the
    collapse) says what was held then, not before the exit."""
    age = [
        exits[c].year - d.year if c in exits and pd.notna(d) else 0 for c, d in zip(rows["conflict"], rows["as_of"], strict=True)
    ]
    return (rows["outcome"] == "pre_collapse_inventory") & (pd.Series(age, index=rows.index) > years)


def is_restatement(rows: pd.DataFrame) -> pd.Series:
    notes = rows["notes"].fillna("") if "notes" in rows else pd.Series("", index=rows.index)
    return rows["same_items_as"].notna() & notes.str.contains(RESTATEMENT)


def _who(estimator: str) -> str:
    """The estimator's name without its particulars: 'SIGAR' from 'SIGAR, Why the Afghan ... (Feb 2023)'."""
    return re.split(r" \(|,", estimator)[0]


def split_party_bounds(equipment: pd.DataFrame, evidence: pd.DataFrame) -> pd.DataFrame:
    """Values split by status. Where a bound of a row that is not itself a claim (its low, best or high)
    is backed only by a party's own statement in the evidence table, that bound is a claim: the row
    keeps the bounds other sources give, and the party's figure becomes a row of its own, claimed,
    counting the same items (a Russian envoy's 60 Afghan aircraft in Tajikistan, which no other source
    supports, beside the 5 the press reported)."""
    ev = evidence[(evidence["fact_table"] == "equipment") & evidence["source_id"].notna() & (evidence["stance"] != "disagrees")]
    out = equipment.copy()
    extra = []
    for i, r in equipment[equipment["status_of_claim"] != "claimed"].iterrows():
        mine = ev[ev["fact_id"] == r["equipment_id"]]
        fields = mine["fields"].fillna("").str.split(";")
        for prefix in ("count", "value_usd"):
            party, backers = {}, []
            for bound in ("low", "best", "high"):
                col = f"{prefix}_{bound}"
                if pd.isna(r[col]):
                    continue
                backing = mine[fields.map(lambda f, col=col: col in f)]
                if not backing.empty and (backing["basis"] == PARTY_STATEMENT).all():
                    party[col] = r[col]
                    backers.append(backing)
            if not party:
                continue
            out.loc[i, list(party)] = pd.NA
            said = pd.concat(backers).drop_duplicates("evidence_id")
            claim = r.copy()
            claim[[f"{prefix}_{b}" for b in ("low", "best", "high")]] = pd.NA
            claim[list(party)] = list(party.values())
            claim["equipment_id"] = f"{r['equipment_id']}.{prefix}_party"
            claim["same_items_as"] = r["same_items_as"] if pd.notna(r["same_items_as"]) else r["equipment_id"]
            claim["status_of_claim"] = "claimed"
            claim["evidence_kind"] = "official_claim"
            claim["estimator"] = "; ".join(said["as_given"].dropna())
            claim["source_ids"] = ";".join(said["source_id"])
            extra.append(claim)
    return pd.concat([out, pd.DataFrame(extra)], ignore_index=True) if extra else out


class Shown(NamedTuple):
    """What a matrix cell shows of one measure (items or dollars): the figure, whether it rests on
    claims only, what claims add beyond it (None when they add nothing), other bodies' restatements of
    the same figure (words), and claims of the same items that go beyond what the firmer rows give,
    each as (the claim, the firmer figure, its status)."""

    value: ranges.Range
    claims_only: bool
    more: ranges.Range | None
    same: tuple[str, ...] = ()
    instead: tuple[tuple[ranges.Range, ranges.Range, str], ...] = ()


def _claims_beyond_stock(rows: pd.DataFrame) -> pd.DataFrame:
    """The claimed estimates of a stock in categories that no estimate resting on more than a claim covers."""
    firm = set(not_claimed(rows)["category"])
    return rows[(rows["status_of_claim"] == "claimed") & ~rows["category"].isin(firm)]


def _claimed_instead(counted: pd.DataFrame, prefix: str) -> tuple[tuple[ranges.Range, ranges.Range, str], ...]:
    """Claims of the same items as firmer rows (same_items_as) that put them above every firmer figure:
    shown as claims beside the firmer figure, never in place of it."""
    out = []
    for _, part in counted.groupby(competing_group(counted), sort=False):
        firm, claims = not_claimed(part), part[part["status_of_claim"] == "claimed"]
        if firm.empty or claims.empty:
            continue
        f, c = documented_total(firm, prefix), documented_total(claims, prefix)
        if c.low > f.high:
            out.append((c, f, min(firm["status_of_claim"], key=STRENGTH.get)))
    return tuple(out)


def _shown(rows: pd.DataFrame, prefix: str, total=documented_total, beyond=further_claims, stock: bool = False) -> Shown | None:
    """One measure of a cell. The figure comes from the rows that are not claims where any give the
    measure; the claims that count further items are kept apart, and so are claims that put the same
    items above the firmer figure; where only claims give it, theirs is the figure, marked as resting on
    claims. A restatement of another row's figure is that figure, named once, not a range."""
    counted = rows[is_counted(rows, prefix)]
    restated = counted[is_restatement(counted) & counted["same_items_as"].isin(counted["equipment_id"])]
    counted = counted.drop(restated.index)
    if counted.empty:
        return None
    same = tuple(
        f"{_who(r['estimator'])}'s ~{_amount(ranges.from_row(r, prefix), money=prefix == 'value_usd')}"
        for _, r in restated.iterrows()
    )
    firm = not_claimed(counted)
    if firm.empty:
        return Shown(total(counted, prefix), True, None, same)
    more = beyond(counted)
    instead = () if stock else _claimed_instead(counted, prefix)
    return Shown(total(firm, prefix), False, total(more, prefix) if not more.empty else None, same, instead)


def counted_category(rows: pd.DataFrame) -> pd.Series:
    """The category each row is counted under: its own, or, for a row that counts the same items as a
    row among `rows` (same_items_as), that row's, so that competing counts of the same items stand in
    one category and give one range there."""
    named = competing_group(rows).map(rows.set_index("equipment_id")["category"])
    return named.fillna(rows["category"])


def category_counts(rows: pd.DataFrame, stock: bool = False) -> tuple[tuple[str, Shown], ...]:
    """A cell's counts, one per category, never added across categories: a tank, a rifle and an
    aircraft are not units of one measure, and estimates of different categories come from different
    estimators and years. Each category's count is its own (_shown; for a stock, the range of its
    estimates, inventory_range), and the categories come largest first, those resting on claims only
    last."""
    out = []
    for category, part in rows.groupby(counted_category(rows), sort=False):
        if stock:
            shown = _shown(part, "count", lambda r, _: inventory_range(r), _claims_beyond_stock, stock=True)
        else:
            shown = _shown(part, "count")
        if shown is not None:
            out.append((CATEGORY_LABELS[category].lower(), shown, CATEGORY_ORDER.index(category)))
    out.sort(key=lambda c: (c[1].claims_only, -c[1].value.high, c[2]))
    return tuple((label, shown) for label, shown, _ in out)


def stock_money(part: pd.DataFrame, elsewhere: set[str]) -> Shown | None:
    """The money a stock's cell shows: a figure for the whole stock (a headline) only, since one
    category's value would read as the value of every category the cell names; and not a headline
    that is the same figure as a fate's (same_items_as names a row of another cell, as the Lead
    Inspector General's $7.12bn for the inventory at the collapse names the Defense Department's
    $7.12bn left in the country): that figure is shown once, in the cell of the row it names."""
    headline = part[part["is_headline_total"] & ~part["same_items_as"].isin(elsewhere)]
    return _shown(headline, "value_usd") if not headline.empty else None


def _drawn_in(frame: pd.DataFrame) -> pd.Series:
    """The outcome each row is drawn under: its own, except that a row counting the same items
    (same_items_as) as a row of the same owner under another outcome is drawn with that row, so that
    the competing counts stand once, as one range, in one cell. Stocks stay apart: what was held and
    what became of it are different measures, not competing counts."""
    column = frame["column"].copy()
    outcomes = frame[~frame["inventory"]]
    head = outcomes.set_index("equipment_id")
    for i, r in outcomes[outcomes["same_items_as"].isin(head.index)].iterrows():
        named = head.loc[r["same_items_as"]]
        if (named["conflict"], named["owner"]) == (r["conflict"], r["owner"]):
            column[i] = named["column"]
    return column


def _split_outcomes(rows: pd.DataFrame) -> tuple[pd.DataFrame, list[dict]]:
    """A cell's item rows without the competing counts whose rows give different outcomes (one source
    says destroyed, another damaged), and those groups, each to be shown as one range with its
    outcomes named: counted once, and added to no outcome's total."""
    counted = rows[is_counted(rows)]
    group = competing_group(counted)
    mixed = [g for g, part in counted.groupby(group, sort=False) if part["outcome"].nunique() > 1]
    groups = []
    for g in mixed:
        part = counted[group == g]
        shown = _shown(part, "count")
        used = part if shown.claims_only else not_claimed(part)
        groups.append(
            {
                "shown": shown,
                "category": CATEGORY_LABELS[part["category"].iloc[0]].lower(),
                "outcomes": list(dict.fromkeys(OUTCOME_COLUMNS[o].lower() for o in used["outcome"])),
            }
        )
    kept = rows[~competing_group(rows).isin(mixed)]
    return kept, groups


def fate_cells(equipment: pd.DataFrame, syria_since: pd.Timestamp, evidence: pd.DataFrame | None = None) -> pd.DataFrame:
    """One cell per theatre, owner and outcome: what its rows document and how firmly.

    - status: the strongest status among the cell's rows: the outcome is as established as its best
      evidence.
    - item_counts ((category, Shown) pairs, category_counts) and money (Shown): each from the rows
      that are not claims where any give it; the claims that count further items are kept apart, and
      a figure that rests on claims only says so. Competing counts of the same items give a range
      and are never added; different items of one category are added, and the sum is a documented
      minimum; counts of different categories are never added into one number. A stock (an
      inventory) is each category's range of estimates. Where a headline total is among the rows,
      the money is the headline's, not the headline added to its own parts; a stock's money is
      stock_money's. Munitions and rows covering all categories are left out of the counts: rounds
      and bombs are not items like vehicles.
    - mixed: competing counts of the same items that give different outcomes, shown once, in the
      cell of the row the others name, and added to no total.

    - same: a restatement of a figure (SIGAR's rounding of the headline) is that figure, named once.
    - with `evidence`, values are split by status (split_party_bounds): a bound only a party states is
      a claim, shown apart, and the cell's figure is what the other sources give.

    In Syria, what happened before the offensive (the civil war's losses, Russia's earlier campaign)
    is not the collapse's and is left out; inventories stay. Rows in NOT_EQUIPMENT are left out, and so
    are a modelled index (not a count) and a stock counted too long before the exit to be "held before
    the exit" (stale_stock)."""
    if evidence is not None:
        equipment = split_party_bounds(equipment, evidence)
    keep = equipment["outcome"].isin(INVENTORY) | (equipment["conflict"] != "syria_2024") | (equipment["as_of"] >= syria_since)
    keep &= ~stale_stock(equipment, theatre_exits(equipment, syria_since)) & (equipment["evidence_kind"] != MODELLED)
    equipment = equipment[keep & ~equipment["equipment_id"].isin(NOT_EQUIPMENT)]
    frame = equipment.assign(
        owner=equipment["owner_actor_id"].map(OWNER_LABELS).fillna("Other"),
        column=equipment["outcome"].map(OUTCOME_COLUMNS),
        inventory=equipment["outcome"].isin(INVENTORY),
    )
    # A row counting the same items as another owner's row (the Fox copy's $295m of aircraft munitions,
    # which the data link to the Afghan forces' munitions) is drawn with the row it names: the competing
    # counts stand once, under the owner the named row gives, not as a second owner's equipment.
    named_owner = frame["same_items_as"].map(frame.set_index("equipment_id")["owner"])
    frame = frame.assign(owner=named_owner.where(named_owner.notna(), frame["owner"]))
    frame = frame.assign(column=_drawn_in(frame))
    out = []
    for (conflict, owner, column), part in frame.groupby(["conflict", "owner", "column"], sort=False):
        inventory = bool(part["inventory"].iloc[0])
        items_rows = part[~part["category"].isin(("all", "munitions"))]
        mixed: list[dict] = []
        if not inventory:
            items_rows, mixed = _split_outcomes(items_rows)
        headline = part[part["is_headline_total"]]
        elsewhere = set(frame["equipment_id"]) - set(part["equipment_id"])
        out.append(
            {
                "theatre": THEATRES[conflict],
                "owner": owner,
                "row": f"{THEATRES[conflict]}: {owner}",
                "column": column,
                "rows": len(part),
                "inventory": inventory,
                "years": _years(items_rows[is_counted(items_rows)]["as_of"]) if inventory else "",
                "derelict": "" if inventory else derelict_words(not_claimed(items_rows[is_counted(items_rows)])),
                "item_counts": category_counts(items_rows, stock=inventory),
                "money": stock_money(part, elsewhere)
                if inventory
                else _shown(headline if not headline.empty else part, "value_usd"),
                "mixed": mixed,
                "status": min(part["status_of_claim"], key=STRENGTH.get),
                "detail": part,
            }
        )
    cells = pd.DataFrame(out)
    # where else the items a row counts are counted (a stock and its fate, or another owner's cell)
    where: dict[tuple[str, str], list[str]] = {}
    for cell in cells.itertuples():
        for g in dict.fromkeys(competing_group(cell.detail)):
            where.setdefault((cell.theatre, g), []).append(f"{cell.owner}: {cell.column}")
    cells["detail"] = [
        cell.detail.assign(
            counted_elsewhere=[
                "; ".join(w for w in where[(cell.theatre, g)] if w != f"{cell.owner}: {cell.column}")
                for g in competing_group(cell.detail)
            ]
        )
        for cell in cells.itertuples()
    ]
    return cells


def _years(dates: pd.Series) -> str:
    years = sorted({d.year for d in dates.dropna()})
    return "" if not years else str(years[0]) if len(years) == 1 else f"{years[0]} to {years[-1]}"


def _amount(r: ranges.Range, money: bool = False, more: bool = False, unit: bool = True) -> str:
    """'78 items', '78 to 80 items', '340,000+ items', '$7.12bn to $7.2bn': competing counts of the
    same items are a range; a + marks a floor (a source gave only 'more than' or 'at least')."""
    fmt = money_words if money else "{:,.0f}".format
    text = fmt(r.low) if r.low == r.high else f"{fmt(r.low)} to {fmt(r.high)}"
    text += ("+" if r.open_high else "") + (" more" if more else "")
    if money or not unit:
        return text
    return text + (" item" if r.low == r.high == 1 and not r.open_high else " items")


CELL_WIDTH = 44  # characters a line of a cell's text holds before it wraps
CELL_CATEGORIES = 3  # categories a cell names with their counts; it says how many more it has


def _muted(text: str) -> str:
    return "<br>".join(f'<span style="color:{style.MUTED}">{w}</span>' for w in wrap_label(text, CELL_WIDTH).split("<br>"))


def _count_lines(cell) -> list[str]:
    """A cell's counts, one line per category ('small arms: 316,260'), never one total across categories:
    the largest CELL_CATEGORIES, then how many more categories the cell has (the hover lists them)."""
    lines = []
    derelict = getattr(cell, "derelict", "")
    shown_counts = cell.item_counts[:CELL_CATEGORIES]
    # what the firmer counts are (derelict airframes) is said right under the last of them, before any claim
    last_firm = max((i for i, (_, s) in enumerate(shown_counts) if not s.claims_only), default=None)
    for i, (label, shown) in enumerate(shown_counts):
        marked = shown.claims_only and cell.status != "claimed"
        first = f"{label}: {_amount(shown.value, unit=False)}" + (" (claimed)" if marked else "")
        if shown.same:
            first += f" ({' and '.join(shown.same)} {'is' if len(shown.same) == 1 else 'are'} the same figure)"
        lines.append(wrap_label(first, CELL_WIDTH))
        if derelict and i == last_firm:
            lines.append(wrap_label(f"({derelict})", CELL_WIDTH))
            derelict = ""
        if shown.more is not None:
            lines.append(_muted(f"claimed: {_amount(shown.more, more=True, unit=False)}"))
        for claim, firm, status in shown.instead:
            lines.append(_muted(f"claimed: {_amount(claim, unit=False)} where the {status} count is {_amount(firm, unit=False)}"))
    hidden = len(cell.item_counts) - CELL_CATEGORIES
    if hidden > 0:
        lines.append(f"and {hidden} more categor{'y' if hidden == 1 else 'ies'}")
    return lines


def _cell_text(cell) -> str:
    lines = _count_lines(cell)
    if cell.years and cell.item_counts:
        lines.append(f"(as of {cell.years})")
    shown = cell.money
    if shown is not None:
        marked = shown.claims_only and cell.status != "claimed"
        first = ("claimed: " if marked else "") + _amount(shown.value, money=True)
        if shown.same:
            first += f" ({' and '.join(shown.same)} {'is' if len(shown.same) == 1 else 'are'} the same figure)"
        lines.append(wrap_label(first, CELL_WIDTH))
        if shown.more is not None:
            lines.append(_muted(f"claimed: {_amount(shown.more, money=True, more=True)}"))
        for claim, firm, status in shown.instead:
            lines.append(
                _muted(f"claimed: {_amount(claim, money=True)} where the {status} figure is {_amount(firm, money=True)}")
            )
    for group in cell.mixed:
        marked = group["shown"].claims_only and cell.status != "claimed"
        words = (
            f"{'and ' if lines else ''}{'claimed: ' if marked else ''}{_amount(group['shown'].value, unit=False)} "
            f"{group['category']}, {' or '.join(group['outcomes'])} by competing counts"
        )
        lines.append(wrap_label(words, CELL_WIDTH))
    if not lines:
        lines.append(f"{cell.rows} report{'s' if cell.rows > 1 else ''}, no count")
    return "<br>".join(lines)


def _row_words(r, column: str) -> str:
    """One row in a cell's hover: what it counts, when, by whom, how, and its status; its own outcome
    where it is drawn under another, and where else the same items are counted."""
    amounts = [
        _amount(ranges.from_row(r, prefix), money=prefix == "value_usd", unit=False)
        for prefix in ("count", "value_usd")
        if r[[f"{prefix}_low", f"{prefix}_best", f"{prefix}_high"]].notna().any()
    ]
    own = OUTCOME_COLUMNS.get(r["outcome"], r["outcome"])
    notes = [
        html(with_precision(r["as_of"], r["as_of_precision"])),
        html(clip(r["estimator"], 50)),
        html(EVIDENCE_LABELS[evidence_class(pd.DataFrame([r])).iloc[0]]),
        html(r["status_of_claim"]),
    ]
    if own != column:
        notes.append(html(own.lower()))
    elsewhere = (
        f"<br>  (the same items are also counted under {html(r['counted_elsewhere'])})" if r.get("counted_elsewhere") else ""
    )
    return f"• {html(clip(r['system'], 70))}: {html(', '.join(amounts) or 'no count')} ({'; '.join(notes)}){elsewhere}"


ROW_PX = 84  # the least height of an outcome's row in the matrix
HEAD_PX = 52  # the row's name, the marker and the gaps around a cell's text
LINE_PX = 13  # one line of a cell's text (9 px type)


def fate_figure(cells: pd.DataFrame) -> go.Figure:
    """Outcomes down, owners across (each theatre's client state, then its patron's own forces), so
    four columns fit a phone. One marker in every cell with evidence, for the strongest status among
    its rows: filled when confirmed, open when reported by one source, a cross when only claimed;
    under it the items and money the rows document (claims apart, in grey, or marked as claims). Each
    outcome's name is written above its row, across the full width, and each row is as tall as its
    longest cell's text needs (the figure sets its own height); the grid lines are drawn under the
    markers, so that no line splits one."""
    owners = [
        r
        for r in (f"{t}: {o}" for t in THEATRES.values() for o in dict.fromkeys(OWNER_LABELS.values()))
        if r in set(cells["row"])
    ]
    outcomes = [c for c in OUTCOME_COLUMNS.values() if c in set(cells["column"])]
    x_of = {o: float(i) for i, o in enumerate(owners)}
    # each outcome's row is as tall as its longest cell's text needs (y in px from the top of the plot)
    texts = {cell.Index: _cell_text(cell) for cell in cells.itertuples()}
    lines = {c: max(t.count("<br>") + 1 for i, t in texts.items() if cells.loc[i, "column"] == c) for c in outcomes}
    heights = [max(ROW_PX, HEAD_PX + LINE_PX * lines[c]) for c in outcomes]
    tops = [-float(sum(heights[:i])) for i in range(len(outcomes))]
    y_of = dict(zip(outcomes, tops))
    fig = go.Figure()
    fig.add_trace(
        go.Scatter(
            x=[-0.5] * len(outcomes),
            y=[y - 12 for y in y_of.values()],
            mode="text",
            text=[f"<b>{html(c)}</b>" for c in outcomes],
            textposition="middle right",
            textfont=dict(size=11, color=style.INK),
            hoverinfo="skip",
            showlegend=False,
        )
    )
    for cell in cells.itertuples():
        colour = OUTCOME_COLOURS[cell.column]
        detail = "<br>".join(_row_words(r, cell.column) for _, r in cell.detail.head(8).iterrows())
        more = f"<br>… and {len(cell.detail) - 8} more" if len(cell.detail) > 8 else ""
        fig.add_trace(
            go.Scatter(
                x=[x_of[cell.row]],
                y=[y_of[cell.column] - 34],
                mode="markers+text",
                showlegend=False,
                text=[texts[cell.Index]],
                textposition="bottom center",
                textfont=dict(size=9, color=style.INK),
                marker=dict(
                    symbol="x" if cell.status == "claimed" else "square",
                    size=14,
                    color=colour if cell.status != "reported" else "white",
                    line=dict(color=colour, width=2 if cell.status == "claimed" else 3),
                ),
                hovertemplate=f"<b>{html(cell.row)}: {html(cell.column)}</b><br>{detail}{more}<extra></extra>",
            )
        )
    style.add_status_legend(fig, size=12)
    fig.update_xaxes(
        range=[-0.5, len(owners) - 0.5],
        side="top",
        tickvals=list(x_of.values()),
        showgrid=False,
        zeroline=False,
        fixedrange=True,
        ticktext=[wrap_label(o.replace(": ", ":<br>").replace(",", ""), 14) for o in owners],
        tickfont=dict(size=10),
    )
    fig.update_yaxes(
        range=[-float(sum(heights)), 0.0], showticklabels=False, ticks="", showgrid=False, zeroline=False, fixedrange=True
    )
    for x in x_of.values():
        fig.add_vline(x=x, line=dict(color=style.GRID, width=1), layer="below")
    # a firmer line between the two theatres
    split = sum(1 for o in owners if o.startswith(THEATRES["afghanistan_2021"]))
    fig.add_vline(x=split - 0.5, line=dict(color=style.MUTED, width=1.5), layer="below")
    fig.update_layout(
        legend=dict(style.TOP_LEGEND, y=-0.02, yanchor="top"),
        margin=dict(t=90, l=10, r=10, b=90),
        height=90 + sum(heights) + 90,
    )
    return fig


# ------------------------------------------------------------------ the headline total and its parts


def part_label(row) -> str:
    """What a part of a headline counts, as its bar reads: its category, and what its row says became
    of the items where that is not simply 'left behind': disabled by US troops before they left, or
    a stock on a date (an inventory), which is not a count of what was left."""
    label = CATEGORY_LABELS[row["category"]]
    if row["outcome"] == "removed_or_disabled":
        return f"{label}, {condition(row)}"
    if row["outcome"] in INVENTORY:
        who = re.split(r" \(|,", row["estimator"])[0]
        when = with_precision(row["as_of"], row["as_of_precision"])
        return f"{label}: in the inventory on {when} ({who}), not a count of what was left"
    return label


def headline_parts(equipment: pd.DataFrame, headline_id: str) -> pd.DataFrame:
    """The headline's categories, largest first, then what no category accounts for: one row each
    with its label (part_label), its best money value and its count."""
    head = equipment.set_index("equipment_id").loc[headline_id]
    parts = equipment[equipment["part_of"] == headline_id].sort_values("value_usd_best", ascending=False)
    counted = is_counted(parts)
    remainder = head["value_usd_best"] - parts["value_usd_best"].sum()
    rows = [
        {
            "label": part_label(r),
            "value": r["value_usd_best"],
            "count": ranges.from_row(r, "count") if counted[i] else None,
            "kind": "part",
            "equipment_id": r["equipment_id"],
        }
        for i, r in parts.iterrows()
    ]
    # a part that is a stock (an inventory on a date) is not a count of what was left: what the parts leave
    # of the headline is then a difference between measures of mixed scope, and says so
    mixed = parts["outcome"].isin(INVENTORY).any()
    rows.append(
        {
            "label": "Difference between the headline and categories of mixed scope" if mixed else "No category in the sources",
            "value": remainder,
            "count": None,
            "kind": "remainder",
            "equipment_id": headline_id,
        }
    )
    rows.append(
        {"label": "Headline total", "value": head["value_usd_best"], "count": None, "kind": "total", "equipment_id": headline_id}
    )
    return pd.DataFrame(rows)


def money_words(usd: float) -> str:
    """ "$85bn", "$18.6bn", "$7.12bn", "$295m": two decimals at most, and no trailing zeros that
    would claim a precision the source does not give."""
    if usd >= 1e9:
        amount, unit = usd / 1e9, "bn"
    elif usd >= 1e7:
        return f"${usd / 1e6:,.0f}m"
    else:
        amount, unit = usd / 1e6, "m"
    return "$" + f"{amount:,.2f}".rstrip("0").rstrip(".") + unit


def headline_figure(parts: pd.DataFrame) -> go.Figure:
    """A waterfall laid on its side, so that each part's label can say in full what it counts: each
    category adds its value to the running total, the part no category accounts for is drawn hatched,
    and the headline stands at the end (nominal dollars, as reported: the acquisition costs of many
    years have no single price year to restate them from). Each label is written above its bar,
    across the full width."""
    fig = go.Figure()
    y_of = {r.label: -float(i) for i, r in enumerate(parts.itertuples())}
    fig.add_trace(
        go.Scatter(
            x=[0.0] * len(parts),
            y=[y + 0.27 for y in y_of.values()],
            mode="text",
            text=[wrap_label(html(label), 52) for label in parts["label"]],
            textposition="top right",
            textfont=dict(size=11, color=style.INK),
            hoverinfo="skip",
            showlegend=False,
        )
    )
    base = 0.0
    for r in parts.itertuples():
        start = 0.0 if r.kind == "total" else base
        colour = {"part": "#999933", "remainder": "#d0d7de", "total": "#4d4d1f"}[r.kind]
        count = f"<br>{r.count.words('items')}" if r.count is not None else ""
        fig.add_trace(
            go.Bar(
                orientation="h",
                y=[y_of[r.label]],
                x=[r.value],
                base=[start],
                width=0.4,
                marker=dict(
                    color=colour, line=dict(color="#4d4d1f", width=1), pattern=dict(shape="/" if r.kind == "remainder" else "")
                ),
                text=[money_words(r.value)],
                textposition="outside",
                textfont=dict(size=11, color=style.INK),
                cliponaxis=False,
                showlegend=False,
                hovertemplate=f"<b>{html(r.label)}</b><br>{money_words(r.value)} (nominal, as reported){count}<extra></extra>",
            )
        )
        if r.kind != "total":
            base += r.value
    top = parts["value"].max()
    fig.update_xaxes(
        title="US dollars, nominal",
        range=[0, top * 1.16],
        tickvals=[i * 1e9 for i in range(1, int(top / 1e9) + 1)],
        ticktext=[f"${i}bn" for i in range(1, int(top / 1e9) + 1)],
        fixedrange=True,
    )
    fig.update_yaxes(
        range=[-len(parts) + 0.5, 1.0], showticklabels=False, ticks="", showgrid=False, zeroline=False, fixedrange=True
    )
    fig.update_layout(margin=dict(t=10, l=10, r=10))
    return fig


# ------------------------------------------------------------------ money, as reported


def reader_words(text: str) -> str:
    """A record's words as the reader sees them: the report's working name for the article under test
    ('the seed', 'Seed article 000') is never printed."""
    text = re.sub(r"\b(?:[Tt]he )?[Ss]eed article(?: \d+)?", "the article under test", text)
    text = re.sub(r"\b[Tt]he seed\b", "the article under test", text)
    return text[0].upper() + text[1:] if text.startswith("the article under test") else text


def money_rows(equipment: pd.DataFrame, estimates: pd.DataFrame, chapter: str = "equipment") -> pd.DataFrame:
    """Every money value the chapter uses, from both tables, with its price year."""
    eq = equipment[is_counted(equipment, "value_usd")]
    est = estimates[(estimates["unit"] == "usd") & (estimates["chapter"] == chapter)]

    def year(value):  # empty: nominal, no single price year in the sources
        return int(value) if pd.notna(value) else None

    rows = [
        {
            "id": r["equipment_id"],
            "what": r["system"],
            "range": ranges.from_row(r, "value_usd"),
            "price_year": year(r["price_year"]),
            "who": r["estimator"],
            "status": r["status_of_claim"],
        }
        for _, r in eq.iterrows()
    ]
    rows += [
        {
            "id": r["estimate_id"],
            "what": reader_words(r["subject"]),
            "range": ranges.from_row(r, "value"),
            "price_year": year(r["price_year"]),
            "who": reader_words(r["estimator"]),
            "status": r["status"],
        }
        for _, r in est.iterrows()
    ]
    return pd.DataFrame(rows)


def money_table(rows: pd.DataFrame) -> pd.DataFrame:
    """Each money value as its source gives it, in nominal dollars: the report restates none (the
    Defense Department's acquisition costs have no single price year), so the table gives the price
    year only where a source states one."""

    def value(r):
        v = r.range.best if r.range.best is not None else r.range.low
        return ("at least " if r.range.best is None and r.range.open_high else "") + money_words(v)

    return pd.DataFrame(
        {
            "What": rows["what"].map(lambda t: clip(t, 90)),
            "Value, as reported": [value(r) for r in rows.itertuples()],
            "Price year": rows["price_year"].map(lambda y: str(int(y)) if pd.notna(y) else "none given"),
            "Who says": rows["who"].map(lambda t: clip(t, 60)),
            "Status": rows["status"],
        }
    )


# ------------------------------------------------------------------ the articles' framing against the sources


def usable_captured(equipment: pd.DataFrame, since: pd.Timestamp) -> pd.DataFrame:
    """The Syrian state's items captured from the start of the offensive that a source independent of the
    parties counts (rows that are not claims, with a count) and that no row calls derelict: the usable
    equipment in new hands that the sources count. Empty in the sources searched for this report."""
    rows = series_rows(equipment, "syr_lost", since)
    rows = rows[(rows["outcome"] == "captured") & is_counted(rows)]
    usable = pd.Series([not is_derelict(r) for _, r in rows.iterrows()], index=rows.index, dtype=bool)
    return rows[usable]


def _standing(rows: pd.DataFrame) -> str:
    return min(rows["status_of_claim"], key=STRENGTH.get) if not rows.empty else ""


def _kinds(rows: pd.DataFrame) -> str:
    return ", ".join(dict.fromkeys(CATEGORY_LABELS[c].lower() for c in rows["category"]))


def category_words(rows: pd.DataFrame) -> str:
    """Counts in words, one per category, largest first, never added across categories: '12 to 15 naval
    vessels, 5 artillery pieces and 1 air-defence system'. Competing counts of the same items are one
    range (documented_total), in the category of the row they name (counted_category). '' if none."""
    rows = rows[is_counted(rows)]
    if rows.empty:
        return ""
    counts = []
    for category, part in rows.groupby(counted_category(rows), sort=False):
        r = documented_total(part)
        counts.append((ranges.Range(r.low, None, r.high, r.open_high), category))
    counts.sort(key=lambda c: (-c[0].high, CATEGORY_ORDER.index(c[1])))
    words = []
    for r, category in counts:
        one, many = CATEGORY_NOUNS[category]
        words.append(r.words() + " " + (one if r.low == r.high == 1 and not r.open_high else many))
    return and_list(words)


def _count_words(rows: pd.DataFrame) -> str:
    """'at least 20 aircraft (derelict airframes, said to be non-operational)', '1 naval vessel, and 1
    report with no count', 'none counted': what the counted rows document, category by category
    (category_words), what they are where all are derelict, and how many rows give no count."""
    counted = category_words(rows)
    uncounted = int((~is_counted(rows)).sum())
    derelict = derelict_words(rows[is_counted(rows)])
    words = counted + (f" ({derelict})" if derelict else "") if counted else "none counted"
    if uncounted:
        words += f", and {uncounted} report{'s' if uncounted > 1 else ''} with no count"
    return words


def framing_table(equipment: pd.DataFrame, estimates: pd.DataFrame, since: pd.Timestamp) -> pd.DataFrame:
    """The articles' two numbers beside what the sources count, one row each, in words. Money and items
    are kept apart, and no row is added to another or drawn against another on a shared axis: the rows
    count different things (whose equipment, what happened to it, in what condition). The article under
    test gives no count of Russia's losses, only the word 'thousands', and the table says so."""
    eq = equipment.set_index("equipment_id")
    est = estimates.set_index("estimate_id")
    afghanistan = equipment[equipment["conflict"] == "afghanistan_2021"]
    own = afghanistan[(afghanistan["owner_actor_id"] == "united_states") & (afghanistan["status_of_claim"] != "claimed")]
    own_value = documented_total(own, "value_usd")
    syria = equipment[equipment["conflict"] == "syria_2024"]
    russia_own = syria[syria["owner_actor_id"].isin(PATRON_OWNERS["syria_2024"])]
    lost_since = russia_own[russia_own["outcome"].isin(LOST) & (russia_own["as_of"] >= since)]
    # Moscow's own count before the offensive covers aircraft and vehicles whose fate it does not give
    earlier = russia_own[(russia_own["as_of"] < since) & (russia_own["status_of_claim"] == "claimed")]
    state = series_rows(equipment, "syr_lost", since)
    state_claims = series_rows(equipment, "syr_lost", since, claims=True)
    captured = state[state["outcome"] == "captured"]
    destroyed = state[state["outcome"] == "destroyed"]
    money = "Money, US dollars, nominal"
    items = "Items, counted one by one"
    rows = [
        (
            money,
            "The article under test: military equipment the US 'left behind' in Afghanistan",
            est_words(est.loc[SEED_US_VALUE]),
            "not said",
            "the article's words",
        ),
        (
            money,
            "Defense Department: the Afghan forces' US-funded equipment still in Afghanistan",
            money_words(eq.loc[DOD_HEADLINE, "value_usd_best"]),
            "all categories",
            eq.loc[DOD_HEADLINE, "status_of_claim"],
        ),
        (
            money,
            "The US forces' own equipment left behind",
            money_words(own_value.low) if own_value is not None else "no value in the sources searched",
            "all categories",
            "claimed: the Defense Department says its forces took out or destroyed nearly all of it",
        ),
        (
            money,
            "All equipment the US provided to the Afghan forces over the war",
            est_words(est.loc[EQUIPMENT_PROVIDED]),
            "all categories",
            est.loc[EQUIPMENT_PROVIDED, "status"],
        ),
        (
            items,
            "The article under test: Russian armoured vehicles and aircraft lost in Syria",
            "no count: the article says only 'thousands'",
            "armoured vehicles, aircraft",
            "the article's words",
        ),
        (
            items,
            "Russia's own equipment lost from the start of the offensive",
            _count_words(lost_since),
            _kinds(lost_since),
            _standing(lost_since),
        ),
        (
            items,
            "Russia's own losses, September 2015 to September 2018, as a Russian senator put them",
            _count_words(earlier),
            _kinds(earlier),
            _standing(earlier),
        ),
        (
            items,
            "The Syrian state's items captured, counted by sources independent of the parties",
            _count_words(captured),
            _kinds(captured[is_counted(captured)]),
            _standing(captured[is_counted(captured)]),
        ),
        (
            items,
            "The Syrian state's items destroyed, counted by sources independent of the parties",
            _count_words(destroyed),
            _kinds(destroyed) or "none",
            _standing(destroyed) or "no count in the sources searched",
        ),
    ]
    for outcome, label in (("destroyed", "destroyed or damaged"), ("captured", "captured")):
        part = state_claims[state_claims["outcome"].isin(("destroyed", "damaged") if outcome == "destroyed" else (outcome,))]
        part = part[is_counted(part)]
        if part.empty:
            continue
        rows.append(
            (
                items,
                f"The Syrian state's items {label}, by a party's own count or low-graded pages only",
                category_words(part),
                _kinds(part),
                "claimed",
            )
        )
    return pd.DataFrame(rows, columns=["Measure", "What", "Figure", "Categories", "Standing"])


def est_words(row) -> str:
    r = ranges.from_row(row, "value")
    return ("more than " if r.best is None and r.open_high else "") + money_words(r.best if r.best is not None else r.low)


# ------------------------------------------------------------------ the Syrian arsenal after the fall

# The counts the section names (a fact that disappears from the data fails the chapter's test).
AFTER_FALL_COUNTS = {
    "idf_items": "est_eq_idf_items_seized_syria_20250115",
    "opcw_sites": "est_eq_opcw_cw_sites_202504",
    "seizure_reports": "est_eq_arms_seizure_reports_syria_20250331",
}


def after_the_fall(facts: pd.DataFrame, fall: pd.Timestamp) -> pd.DataFrame:
    """The equipment chapter's facts (rows of evidence.facts) dated after the regime fell: what is
    documented of the arsenal since, handed over, seized, struck or traced."""
    rows = facts[(facts["chapter"] == "equipment") & (facts["date"] > fall) & (facts["table"] != "equipment")]
    return rows.sort_values(["date", "fact_id"]).reset_index(drop=True)


def after_fall_numbers(rows: pd.DataFrame, estimates: pd.DataFrame) -> dict[str, object]:
    est = estimates.set_index("estimate_id")
    missing = sorted(set(AFTER_FALL_COUNTS.values()) - set(est.index))
    if missing:
        raise KeyError(f"counts the equipment chapter names are not in the data: {missing}")
    out = {}
    for name, fid in AFTER_FALL_COUNTS.items():
        out[f"after_{name}"] = ranges.from_row(est.loc[fid], "value").words()
        out[f"after_{name}_as_of"] = with_precision(est.loc[fid, "as_of"], est.loc[fid, "as_of_precision"])
    out["after_n_facts"] = len(rows)
    out["after_n_claimed"] = int((rows["status"] == "claimed").sum())
    out["after_n_confirmed"] = int((rows["status"] == "confirmed").sum())
    out["after_n_reported"] = int((rows["status"] == "reported").sum())
    out["after_last"] = with_precision(rows["date"].max(), "day")
    return out


def chapter_numbers(all_events, deflators, equipment, estimates, evidence=None) -> tuple[dict[str, object], dict[str, object]]:
    """Every number and date the chapter's prose weaves in, by name (glued by the notebook), and the
    objects its figure and table cells use, by name. `evidence` (the evidence table, loaded when not
    given) splits values by status where a bound rests on a party's word only."""
    numbers: dict[str, object] = {}
    eq = equipment.set_index("equipment_id")
    est = estimates.set_index("estimate_id")
    ev = all_events.set_index("event_id")
    fall = regime_fall(all_events)
    offensive = offensive_launch(all_events)
    chapter_estimates = estimates[estimates["chapter"] == "equipment"]
    chapter_events = all_events[all_events["chapter"] == "equipment"]
    cited = {
        s
        for cell in pd.concat(
            [equipment["source_ids"], chapter_estimates["source_ids"], chapter_events["source_ids"], deflators["source_ids"]]
        )
        for s in cell.split(";")
    }
    target_year = int(deflators["year"].max())

    def count_words(equipment_id, unit=""):
        return ranges.from_row(eq.loc[equipment_id], "count").words(unit)

    def usd(equipment_id):
        return money_words(eq.loc[equipment_id, "value_usd_best"])

    def est_usd(estimate_id):
        r = ranges.from_row(est.loc[estimate_id], "value")
        return ("more than " if r.best is None and r.open_high else "") + money_words(r.best if r.best is not None else r.low)

    def when(event_id):
        r = ev.loc[event_id]
        return with_precision(r["date"], r["date_precision"])

    def on(event_id):
        r = ev.loc[event_id]
        return on_date(r["date"], r["date_precision"])

    numbers["d_fall"] = Plain(long_date(fall))
    numbers["d_offensive"] = Plain(long_date(offensive))
    numbers["n_rows"] = len(equipment)
    numbers["n_sources"] = len(cited)
    numbers["target_year"] = Plain(str(target_year))

    # Afghanistan: the headline and its parts
    headline = eq.loc[DOD_HEADLINE]
    numbers["headline"] = Plain(usd(DOD_HEADLINE))
    numbers["sigar_rounding"] = Plain(usd("eq_afg_andsf_left_7p2bn_sigar2023"))
    numbers["provided"] = Plain(est_usd(EQUIPMENT_PROVIDED))
    numbers["on_dod_report"] = Plain(on("ev_20220301_dod_report_7p12bn"))
    numbers["on_leadig"] = Plain(on("ev_20220816_leadig_report"))
    numbers["on_sigar_collapse"] = Plain(on("ev_20230227_sigar_why_collapsed"))
    numbers["on_hkia"] = Plain(on("ev_20210830_hkia_demilitarisation"))
    numbers["on_trump"] = Plain(on("ev_20210830_trump_85bn_statement"))
    numbers["on_trump_2024"] = Plain(on("ev_20240615_trump_85bn_detroit"))
    parts = headline_parts(equipment, DOD_HEADLINE)
    remainder = parts.loc[parts["kind"] == "remainder", "value"].iloc[0]
    numbers["vehicles_usd"] = Plain(usd("eq_afg_ground_vehicles_4p12bn"))
    numbers["vehicles_n"] = Plain(count_words("eq_afg_ground_vehicles_4p12bn"))
    numbers["aircraft_usd"] = Plain(usd("eq_afg_aircraft_hkia_78"))
    numbers["small_arms_usd"] = Plain(usd("eq_afg_small_arms_316k"))
    numbers["small_arms_n"] = Plain(count_words("eq_afg_small_arms_316k"))
    numbers["weapons_dod_n"] = Plain(count_words("eq_afg_weapons_300k_of_427k"))
    numbers["munitions_usd"] = Plain(usd("eq_afg_air_ground_munitions_9524"))
    numbers["munitions_n"] = Plain(count_words("eq_afg_air_ground_munitions_9524"))
    numbers["munitions_fox_usd"] = Plain(usd("eq_afg_aircraft_munitions_294m"))
    numbers["remainder_usd"] = Plain(money_words(remainder))
    numbers["remainder_pct"] = f"{remainder / headline['value_usd_best'] * 100:.0f}"
    numbers["unknown_condition_usd"] = Plain(usd("eq_afg_condition_unknown_5p7bn"))
    hkia = [
        count_words(i)
        for i in ("eq_afg_aircraft_hkia_73_mckenzie", "eq_afg_aircraft_hkia_78", "eq_afg_aircraft_hkia_80_sigar2021")
    ]
    # The oversight reports' counts are the table's range; the CENTCOM commander's lower count is his own word.
    numbers["hkia_counts"] = Plain(
        f"{hkia[1]} or {hkia[2]} aircraft by the oversight reports, {hkia[0]} by the CENTCOM commander's count"
    )
    numbers["mrap_n"] = Plain(count_words("eq_afg_us_mrap_hkia_70"))
    numbers["humvee_n"] = Plain(count_words("eq_afg_us_humvee_hkia_27"))
    numbers["uzbekistan_n"] = Plain(count_words("eq_afg_aaf_to_uzbekistan"))
    # values split by status: the count other sources give, and the party's own figure apart
    split = split_party_bounds(equipment, load("evidence") if evidence is None else evidence).set_index("equipment_id")
    numbers["tajikistan_n"] = Plain(ranges.from_row(split.loc[TAJIKISTAN], "count").words())
    numbers["tajikistan_claim"] = Plain(ranges.from_row(split.loc[f"{TAJIKISTAN}.count_party"], "count").words())
    numbers["trump_usd"] = Plain(usd(TRUMP_CLAIM))
    numbers["security_usd"] = Plain(est_usd(SECURITY_FUNDING))
    numbers["article_usd"] = Plain(est_usd(SEED_US_VALUE))

    # Syria
    numbers["tanks_prewar"] = Plain(inventory_range(series_rows(equipment, "syr_prewar").query("category == 'tank'")).words())
    numbers["tanks_gfp"] = Plain(count_words("eq_syr_gfp2020_tanks"))
    numbers["y_gfp"] = Plain(str(eq.loc["eq_syr_gfp2020_tanks", "as_of"].year))
    # the newest count of the state's stock in the sources that is not a modelled index: too old to be
    # "held before the exit" (stale_stock), and given in the text with its year and its one category
    stock = series_rows(equipment, "syr_before")
    newest = stock[stock["as_of"] == stock["as_of"].max()].iloc[0]
    numbers["stock_newest"] = Plain(ranges.from_row(newest, "count").words() + " " + newest["system"].split(" (")[0].lower())
    numbers["y_stock_newest"] = Plain(str(newest["as_of"].year))
    numbers["stock_newest_by"] = Plain(_who(newest["estimator"]))
    numbers["years_stock_before"] = offensive.year - newest["as_of"].year
    numbers["navy_idf"] = Plain(count_words("eq_syr_navy_15_vessels_idf"))
    numbers["navy_sohr"] = Plain(count_words("eq_syr_navy_10_vessels_sohr"))
    numbers["strikes_idf"] = Plain(ranges.from_row(est.loc["est_syr_idf_strikes_480"], "value").words())
    numbers["strikes_sohr"] = Plain(ranges.from_row(est.loc["est_syr_sohr_strikes_310_320"], "value").words())
    numbers["share_idf"] = Plain(ranges.from_row(est.loc["est_syr_idf_share_strategic_destroyed"], "value").words() + " per cent")
    numbers["civil_war_armour"] = Plain(count_words(CIVIL_WAR_ARMOUR))
    numbers["y_civil_war_armour"] = Plain(str(eq.loc[CIVIL_WAR_ARMOUR, "as_of"].year))
    state_lost = series_rows(equipment, "syr_lost", offensive)
    documented = documented_total(state_lost)
    numbers["state_documented"] = Plain(ranges.Range(documented.low, None, documented.high).words())
    # claims of destroyed and of captured items are different fates: each is given apart, never added
    claims = series_rows(equipment, "syr_lost", offensive, claims=True)
    for name, outcomes in (("destroyed", ("destroyed", "damaged")), ("captured", ("captured",))):
        numbers[f"state_claimed_{name}"] = Plain(category_words(claims[claims["outcome"].isin(outcomes)]))
    numbers["n_usable_captured"] = len(usable_captured(equipment, offensive))
    numbers["n_state_lost_rows"] = len(state_lost)
    numbers["n_state_lost_uncounted"] = int((~is_counted(state_lost)).sum())
    captured = state_lost[state_lost["outcome"] == "captured"]
    numbers["captured_documented"] = Plain(f"{documented_total(captured).low:,.0f}")
    numbers["nayrab"] = Plain(
        f"{count_words('eq_syr_nayrab_captured_mig23')} MiG-23s and {count_words('eq_syr_nayrab_captured_l39')} L-39s"
    )
    numbers["derelict_captured"] = Plain(derelict_words(captured[is_counted(captured)]))
    russia_own = equipment[
        (equipment["conflict"] == "syria_2024") & equipment["owner_actor_id"].isin(PATRON_OWNERS["syria_2024"])
    ]
    numbers["n_russia_rows"] = len(russia_own)
    numbers["n_russia_evacuated"] = int((russia_own["outcome"] == "evacuated").sum())
    numbers["russia_own_2015"] = Plain(category_words(russia_own[russia_own["as_of"] < offensive]))
    ursa = ev.loc["ev_20241223_ursa_major_sinks"]  # the same span as the withdrawal chapter gives
    numbers["on_ursa"] = Plain("on " + span(ursa["date"], ursa["date_end"]))
    numbers["port_investment"] = Plain(est_usd("est_rus_tartus_port_investment_500m"))
    shared = {"headline": headline, "offensive": offensive, "parts": parts, "remainder": remainder, "target_year": target_year}
    return numbers, shared
