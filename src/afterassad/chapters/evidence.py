"""Every fact of every chapter in one table, how many independent outlets stand behind each, and
one chronology across chapters. Used by the evidence explorer, the method page and each chapter's
closing summary, so they all count the same way.

A fact row is a row of events, movements, estimates or equipment. Its independent outlets are the
distinct original publishers of its sources: a wire story syndicated by ten sites counts once
(the registry records the original outlet of every syndicated copy). The seed articles under test
are never counted as evidence.
"""

from __future__ import annotations

import json
import re

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from afterassad.core.dates import long_date, with_precision
from afterassad.core.text import Plain, and_list, clip, html, short_name
from afterassad.data.loader import load
from afterassad.data.sources import outlet
from afterassad.figures import style

CHAPTERS = {  # chapter id -> (number, title, page)
    "collapse": (1, "The collapse", "01_collapse"),
    "withdrawal": (2, "The withdrawal", "02_withdrawal"),
    "new_syria": (3, "Russia and the new Syria", "02b_new_syria"),
    "libya": (4, "Libya", "03_libya"),
    "equipment": (5, "Equipment lost", "04_equipment"),
}
FACT_TABLES = ["events", "movements", "estimates", "equipment", "deliveries"]
# The chapter of every row of a fact table that has no chapter column.
TABLE_CHAPTER = {"equipment": "equipment", "deliveries": "new_syria"}
# Every table whose rows are facts backed value by value in data/evidence.csv (x-keyFields in the contract).
EVIDENCE_TABLES = ["events", "movements", "estimates", "equipment", "deliveries", "site_status", "sites", "places", "platforms"]
STRENGTH_BANDS = ["none", "one outlet", "two outlets", "three or more"]  # none: a seed's claim, stored to be tested
BAND_COLOURS = {"none": "#6E7781", "one outlet": "#D55E00", "two outlets": "#E69F00", "three or more": "#009E73"}


def outlet_of(sources: pd.DataFrame) -> pd.Series:
    """source_id -> the outlet that wrote the story, as the citation labels name it (the original
    publisher of a syndicated copy), case-folded so 'Reuters' and 'reuters' are one outlet; None
    for the seed articles, which are claims under test, not evidence."""
    names = [None if str(row["source_id"]).startswith("seed_") else outlet(row).casefold() for _, row in sources.iterrows()]
    return pd.Series(names, index=sources["source_id"].values, dtype=object)


def independent_outlets(source_ids: str, outlets: pd.Series) -> int:
    """How many distinct outlets a row's sources come from (a ;-separated list of source ids)."""
    ids = [s for s in str(source_ids).split(";") if s] if isinstance(source_ids, str) else []
    return len({outlets[s] for s in ids if s in outlets.index and isinstance(outlets[s], str)})


def band(n: int) -> str:
    return STRENGTH_BANDS[min(n, 3)]


def _names(ids: pd.Series, lookup: pd.Series) -> pd.Series:
    return ids.map(lambda i: short_name(lookup.get(i, i)) if isinstance(i, str) else "")


def _event_facts(e: pd.DataFrame, actor: pd.Series, place: pd.Series) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "fact_id": e["event_id"],
            "table": "events",
            "chapter": e["chapter"],
            "date": e["date"],
            "date_end": e["date_end"],
            "precision": e["date_precision"],
            "kind": e["event_type"].str.replace("_", " "),
            "actor": _names(e["actor_id"], actor),
            "place": _names(e["place_id"], place),
            "what": e["summary"],
            "status": e["status"],
            "status_shown": [style.status_label(s, t) for s, t in zip(e["status"], e["event_type"])],
            "source_ids": e["source_ids"],
        }
    )


def _movement_facts(m: pd.DataFrame, actor: pd.Series, place: pd.Series) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "fact_id": m["movement_id"],
            "table": "movements",
            "chapter": m["chapter"],
            "date": m["date"],
            "date_end": m["date_end"],
            "precision": m["date_precision"],
            "kind": m["asset_type"].str.replace("_", " "),
            "actor": _names(m["actor_id"], actor),
            "place": _names(m["origin_place_id"], place) + " → " + _names(m["destination_place_id"], place),
            "what": m["description"],
            "status": m["status"],
            "source_ids": m["source_ids"],
        }
    )


def _estimate_facts(s: pd.DataFrame, actor: pd.Series, place: pd.Series) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "fact_id": s["estimate_id"],
            "table": "estimates",
            "chapter": s["chapter"],
            "date": s["as_of"],
            "precision": s["as_of_precision"],
            "kind": "estimate of " + s["unit"].str.replace("_", " "),
            "actor": _names(s["actor_id"], actor),
            "place": _names(s["place_id"], place),
            "what": s["subject"] + " (" + s["estimator"].map(short_name) + ")",
            "status": s["status"],
            "source_ids": s["source_ids"],
        }
    )


def _equipment_facts(q: pd.DataFrame, actor: pd.Series, place: pd.Series) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "fact_id": q["equipment_id"],
            "table": "equipment",
            "chapter": TABLE_CHAPTER["equipment"],
            "date": q["as_of"],
            "precision": q["as_of_precision"],
            "kind": q["category"].str.replace("_", " ") + ", " + q["outcome"].str.replace("_", " "),
            "actor": _names(q["owner_actor_id"], actor),
            "place": _names(q["destination_place_id"], place),
            "what": q["system"] + " (" + q["estimator"].map(short_name) + ")",
            "status": q["status_of_claim"],
            "source_ids": q["source_ids"],
        }
    )


def _delivery_facts(d: pd.DataFrame, actor: pd.Series, place: pd.Series) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "fact_id": d["delivery_id"],
            "table": "deliveries",
            "chapter": TABLE_CHAPTER["deliveries"],
            "date": d["date"],
            "precision": d["date_precision"],
            "kind": d["lever"].str.replace("_", " "),
            "actor": _names(d["from_actor_id"], actor),
            "place": _names(d["place_id"], place),
            "what": d["description"],
            "status": d["status"],
            "source_ids": d["source_ids"],
        }
    )


_FACT_BUILDERS = {
    "events": _event_facts,
    "movements": _movement_facts,
    "estimates": _estimate_facts,
    "equipment": _equipment_facts,
    "deliveries": _delivery_facts,
}
# The fact tables that hold each chapter's rows (tests/test_evidence.py checks this against the data),
# so a chapter's closing summary reads only its own tables.
# How the summary names each kind of fact a chapter counts.
TABLE_WORDS = {
    "events": "events",
    "movements": "movements",
    "estimates": "estimates of numbers",
    "deliveries": "deliveries",
    "equipment": "equipment records",
}
CHAPTER_TABLES = {
    "collapse": ["events"],
    "withdrawal": ["events", "movements", "estimates"],
    "new_syria": ["events", "estimates", "deliveries"],
    "libya": ["events", "movements", "estimates"],
    "equipment": ["events", "estimates", "equipment"],
}


def facts(tables: dict[str, pd.DataFrame], actors: pd.DataFrame, places: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    """One row per fact, whatever its table (any of FACT_TABLES given): id, chapter, date and
    precision, kind, actor, place, what it says, status (confirmed, reported, claimed), sources
    and their independent outlets."""
    actor = actors.set_index("actor_id")["name"]
    place = places.set_index("place_id")["name"]
    table = pd.concat([_FACT_BUILDERS[name](frame, actor, place) for name, frame in tables.items()], ignore_index=True)
    outlets = outlet_of(sources)
    table["outlets"] = table["source_ids"].map(lambda ids: independent_outlets(ids, outlets))
    table["strength"] = table["outlets"].map(band)
    table["when"] = [with_precision(d, p) for d, p in zip(table["date"], table["precision"])]
    return table.sort_values(["date", "fact_id"], na_position="last").reset_index(drop=True)


def facts_table(rows: pd.DataFrame, width: int | None = None) -> pd.DataFrame:
    """Some facts (rows of `facts`) as a reader's table in date order: when, what kind, what the
    sources say, how far it is established; each row links to its evidence in the explorer."""
    rows = rows.sort_values(["date", "fact_id"])
    frame = pd.DataFrame(
        {
            "When": rows["when"].values,
            "Kind": rows["kind"].values,
            # whole by default: a cut sentence can hide the very number it was about
            "What the sources say": rows["what"].map(lambda w: clip(w, width) if width else w).values,
            "Status": (rows["status_shown"].fillna(rows["status"]) if "status_shown" in rows else rows["status"]).values,
        }
    )
    frame.attrs["fact_ids"] = list(rows["fact_id"])
    return frame


def chapter_strength(chapter: str) -> str:
    """The closing summary's sentence for one chapter, read from the tables that hold its facts."""
    rows = facts({name: load(name) for name in CHAPTER_TABLES[chapter]}, load("actors"), load("places"), load("sources"))
    return strength_words(strength_by_chapter(rows[rows["chapter"] == chapter]), chapter)


def strength_by_chapter(fact_rows: pd.DataFrame) -> pd.DataFrame:
    """Facts per chapter resting on one outlet, on two, and on three or more (chapters in book order)."""
    counts = pd.crosstab(fact_rows["chapter"], fact_rows["strength"]).reindex(
        index=list(CHAPTERS), columns=STRENGTH_BANDS, fill_value=0
    )
    counts["all facts"] = counts.sum(axis=1)
    return counts


def strength_figure(counts: pd.DataFrame) -> go.Figure:
    """A stacked bar per chapter: the share of its facts on one, two, three or more outlets."""
    fig = go.Figure()
    labels = [f"{CHAPTERS[c][0]}. {CHAPTERS[c][1]} ({counts.loc[c, 'all facts']})" for c in counts.index]
    for name in [b for b in STRENGTH_BANDS if counts[b].sum() > 0]:
        share = 100 * counts[name] / counts["all facts"].where(counts["all facts"] > 0)
        fig.add_trace(
            go.Bar(
                y=labels,
                x=share,
                orientation="h",
                name=name,
                marker=dict(color=BAND_COLOURS[name]),
                text=[f"{v:.0f}%" if v >= 8 else "" for v in share.fillna(0)],
                textposition="inside",
                insidetextanchor="middle",
                customdata=counts[name],
                hovertemplate="%{y}: %{customdata} facts on "
                + (name if name != "none" else "no independent outlet")
                + " (%{x:.0f}%)<extra></extra>",
            )
        )
    fig.update_layout(barmode="stack", legend={**style.TOP_LEGEND, "traceorder": "normal"}, margin=dict(l=10))
    fig.update_xaxes(title="Share of the chapter's facts (%)", range=[0, 100], ticksuffix="%")
    fig.update_yaxes(autorange="reversed", title=None)
    return fig


def strength_words(counts: pd.DataFrame, chapter: str) -> str:
    """'Of the chapter's 68 facts (events and movements together), 22 rest on a single outlet, 30
    on two and 16 on three or more independent outlets.' (and how many are a seed's claims with no
    independent outlet)."""
    row = counts.loc[chapter]
    seed = (
        f" Another {row['none']} are claims of the articles under test, kept to be tested, with no independent outlet."
        if row["none"]
        else ""
    )
    kinds = [TABLE_WORDS[t] for t in CHAPTER_TABLES[chapter]]
    kinds_words = f"all of them {kinds[0]}" if len(kinds) == 1 else and_list(kinds) + " together"
    return (
        f"Of the chapter's {row['all facts']} facts ({kinds_words}), {row['one outlet']} rest on a single outlet, "
        f"{row['two outlets']} on two and {row['three or more']} on three or more independent outlets.{seed}"
    )


# ------------------------------------------------------------------ one chronology across chapters


def chronology(fact_rows: pd.DataFrame, start: pd.Timestamp, end: pd.Timestamp) -> tuple[pd.DataFrame, dict]:
    """Facts known to the day or the week inside [start, end], by chapter and week (Mondays);
    and, per chapter, how many facts fall outside the window or are dated only to a month or year."""
    dated = fact_rows[fact_rows["table"].isin(["events", "movements"])]
    exact = dated["precision"].isin(["day", "week"])
    inside = exact & dated["date"].between(start, end)
    rows = dated[inside].copy()
    rows["week"] = rows["date"] - pd.to_timedelta(rows["date"].dt.day_of_week, unit="D")
    left_out = {
        c: {
            "before": int(((dated["chapter"] == c) & exact & (dated["date"] < start)).sum()),
            "after": int(((dated["chapter"] == c) & exact & (dated["date"] > end)).sum()),
            "vague": int(((dated["chapter"] == c) & ~exact).sum()),
        }
        for c in CHAPTERS
    }
    return rows, left_out


def _week_hover(group: pd.DataFrame, shown: int = 5) -> str:
    """The first few facts of a week, shortened, for the hover box."""
    lines = [
        html(f"{d.day} {d:%b}: {w[:70]}{'…' if len(w) > 70 else ''}") for d, w in zip(group["date"], group["what"].fillna(""))
    ]
    more = f"<br>… and {len(lines) - shown} more" if len(lines) > shown else ""
    return "<br>".join(lines[:shown]) + more


def chronology_figure(rows: pd.DataFrame, start: pd.Timestamp, end: pd.Timestamp) -> go.Figure:
    """One time axis, one row per chapter: the number of dated facts (events and movements) each
    week, so the story can be seen moving from Syria's collapse to the withdrawal and to Libya."""
    chapters = list(CHAPTERS)
    fig = make_subplots(
        rows=len(chapters),
        cols=1,
        shared_xaxes=True,
        vertical_spacing=0.06,
        subplot_titles=[f"{CHAPTERS[c][0]}. {CHAPTERS[c][1]}" for c in chapters],
    )
    colours = {
        "collapse": style.actor_colour("hts_coalition"),
        "withdrawal": style.actor_colour("russia"),
        "new_syria": "#882255",
        "libya": "#0072B2",
        "equipment": "#6E7781",
    }
    for i, chapter in enumerate(chapters, start=1):
        weekly = rows[rows["chapter"] == chapter].groupby("week")
        counts = weekly.size()
        hover = {week: _week_hover(group) for week, group in weekly}
        fig.add_trace(
            go.Bar(
                x=counts.index + pd.Timedelta(days=3.5),
                y=counts.values,
                width=6 * 86400000,
                name=CHAPTERS[chapter][1],
                marker=dict(color=colours[chapter]),
                showlegend=False,
                customdata=[f"Week of {w.day} {w:%B %Y}: {n} fact{'s' if n > 1 else ''}" for w, n in counts.items()],
                hovertext=[hover[w] for w in counts.index],
                hovertemplate="<b>%{customdata}</b><br>%{hovertext}<extra></extra>",
            ),
            row=i,
            col=1,
        )
        fig.update_yaxes(title=None, rangemode="tozero", tickformat=",d", nticks=3, row=i, col=1)
    fig.update_xaxes(range=[start, end], dtick="M1", tickformat="%b %Y", row=len(chapters), col=1)
    fig.update_layout(bargap=0, margin=dict(t=40))
    return fig


# ------------------------------------------------------------------ the evidence explorer

DT_BUNDLE = "_static/itables/dt_bundle.js"  # served by the site itself (the Makefile copies it from itables)


STANCE_WORDS = {"states": "states", "implies": "implies", "disagrees": "disagrees", "derived": "derived"}


def backing_by_fact(evidence: pd.DataFrame, labels: pd.Series) -> pd.Series:
    """fact_id -> which source backs which of its values, as escaped HTML for the explorer:
    one line per source ('Reuters 2024u states date, place'), a disagreeing source with the value
    it gives, and this report's own inferences with their rule. Facts not yet re-verified are absent."""

    def line(row) -> str:
        fields = html(row.fields.replace("_id", "").replace("_", " ").replace(";", ", "))
        if row.stance == "derived":
            return f"<i>derived</i> {fields}: {html(row.rule)}"
        # The label only: the Sources column beside it links each source to its reference.
        who = html(labels.get(row.source_id, row.source_id))
        if row.stance == "disagrees":
            return f"{who} <b>disagrees</b> on {fields}: {html(row.as_given)}"
        return f"{who} {STANCE_WORDS[row.stance]} {fields}"

    lines = evidence.assign(line=[line(r) for r in evidence.itertuples()])
    return lines.groupby("fact_id", sort=False)["line"].agg("<br>".join)


def explorer_rows(fact_rows: pd.DataFrame, labels: pd.Series, backing: pd.Series | None = None) -> pd.DataFrame:
    """The explorer's columns, every cell escaped for HTML; chapter and source cells are links
    (to the chapter's page and to the source's entry in the references). `backing` (from
    backing_by_fact) adds the value-by-value evidence column."""

    def chapter_link(c: str) -> str:
        number, title, page = CHAPTERS[c]
        return f'<a href="{page}.html">{number}. {html(title)}</a>'

    def source_links(ids: str) -> str:
        ids = [s for s in str(ids).split(";") if s] if isinstance(ids, str) else []
        return "; ".join(f'<a href="references.html#src-{html(s)}">{html(labels.get(s, s))}</a>' for s in ids)

    return pd.DataFrame(
        {
            "Date": fact_rows["date"].dt.strftime("%Y-%m-%d").fillna(""),
            "Precision": fact_rows["precision"].map(html),
            "Chapter": fact_rows["chapter"].map(chapter_link),
            "Kind": fact_rows["kind"].map(html),
            "Actor": fact_rows["actor"].map(html),
            "Place": fact_rows["place"].map(html),
            "What the sources say": fact_rows["what"].map(html),
            "Status": fact_rows["status"].map(html),
            "Outlets": fact_rows["outlets"],
            "Sources": fact_rows["source_ids"].map(source_links),
            "Which source gives which value": fact_rows["fact_id"].map(
                lambda i: backing.get(i, "<i>not yet re-verified</i>") if backing is not None else ""
            ),
            "Row": fact_rows["table"] + ": " + fact_rows["fact_id"].map(html),
        }
    )


# A chapter's table links a fact to explorer.html#fact-<id>: once the table is ready, the explorer
# types that id into its search box, so the reader lands on that one row, whatever page it is on.
FACT_LINK_SCRIPT = """<script>
(function () {
  function show() {
    var m = /^#fact-([a-z0-9_]+)$/.exec(window.location.hash);
    if (!m) return;
    var tries = 0, timer = setInterval(function () {
      var box = document.querySelector("#aa-explorer-table_wrapper input[type=search]");
      if (box || ++tries > 100) clearInterval(timer);
      if (!box) return;
      box.value = m[1];
      box.dispatchEvent(new Event("input", {bubbles: true}));
      box.closest(".aa-explorer-wrap").scrollIntoView();
    }, 100);
  }
  window.addEventListener("hashchange", show);
  document.addEventListener("DOMContentLoaded", show);
})();
</script>"""


EXPLORER_DATA = "explorer-data.json"  # beside explorer.html in the built site
_DATA_JSON = re.compile(r'"data_json": "((?:[^"\\]|\\.)*)",\n')


class Explorer:
    """The explorer as a notebook output: an interactive table (itables, DataTables) for the web
    page, and for the PDF a short summary with counts that points to the web edition and the data."""

    def __init__(self, fact_rows: pd.DataFrame, labels: pd.Series, version: str, evidence: pd.DataFrame | None = None):
        backing = backing_by_fact(evidence, labels) if evidence is not None else None
        self.facts, self.rows, self.version = fact_rows, explorer_rows(fact_rows, labels, backing), version

    def summary(self) -> str:
        by_chapter = self.facts["chapter"].value_counts()
        by_status = self.facts["status"].value_counts()
        where = {
            "collapse": "on the collapse",
            "withdrawal": "on the withdrawal",
            "new_syria": "on Russia and the new Syria",
            "libya": "on Libya",
            "equipment": "on equipment lost",
        }
        chapters = ", ".join(f"{by_chapter.get(c, 0)} {where[c]}" for c in CHAPTERS)
        status = ", ".join(f"{by_status.get(s, 0)} {s}" for s in ["confirmed", "reported", "claimed"])
        return (
            f"The evidence explorer holds {len(self.facts)} facts ({chapters}; {status}). In the web edition it "
            f"can be searched, sorted and filtered by chapter, actor, place, kind, status and date range; the same "
            f"rows are in the data package (version {self.version}), in events.csv, movements.csv, estimates.csv and "
            f"equipment.csv."
        )

    def rows_json(self) -> str:
        """The table's rows as the page fetches them (EXPLORER_DATA), in DataTables' order of columns."""
        return json.dumps(
            json.loads(json.loads(f'"{_DATA_JSON.search(self._itable()).group(1)}"')), ensure_ascii=False, separators=(",", ":")
        )

    def _itable(self) -> str:
        from itables import to_html_datatable

        table = to_html_datatable(
            self.rows,
            table_id="aa-explorer-table",
            connected=True,
            dt_url=f"../{DT_BUNDLE}",
            allow_html=True,
            maxBytes=0,
            showIndex=False,
            classes="display compact aa-explorer",
            style="width:100%",
            layout={"top1": "searchBuilder", "topStart": "pageLength", "topEnd": "search"},
            pageLength=25,
            lengthMenu=[10, 25, 100, 500],
            order=[[0, "asc"]],
            autoWidth=False,
            language={
                "searchBuilder": {"title": {"0": "Filter by column (for example Date between two dates)", "_": "Filters (%d)"}}
            },
            display_logo_when_loading=False,
        )
        return table

    def _table_html(self) -> str:
        """The interactive table's HTML without its rows: the table fetches them from EXPLORER_DATA
        beside the page, which the Sphinx extension writes when the site is built (rows_json), so the
        page's own HTML stays small on a phone."""
        table = self._itable()
        found = _DATA_JSON.search(table)
        if not found or "forEach(table => {" not in table or "new ITable(table, dt_args);" not in table:
            raise RuntimeError("itables' page layout changed: the explorer cannot move its rows to a file")
        table = table.replace(found.group(0), '"data_json": "[]",\n', 1)
        table = table.replace("forEach(table => {", "forEach(async table => {", 1)
        table = table.replace(
            "new ITable(table, dt_args);",
            f'dt_args.data_json = await (await fetch("{EXPLORER_DATA}")).text();\n        new ITable(table, dt_args);',
            1,
        )
        return table

    def _repr_html_(self) -> str:
        return (
            f'<div class="aa-explorer-wrap" role="region" tabindex="0" aria-label="Evidence explorer: every fact, '
            f'searchable">{self._table_html()}</div>{FACT_LINK_SCRIPT}'
        )

    def _repr_markdown_(self) -> str:
        return self.summary()

    def __repr__(self) -> str:  # text/plain, which nbval compares
        return self.summary()


def chronology_words(rows: pd.DataFrame) -> str:
    """For the alt text: each chapter's first and last week in the window, and its busiest week."""
    parts = []
    for chapter in CHAPTERS:
        weeks = rows[rows["chapter"] == chapter].groupby("week").size()
        if weeks.empty:
            parts.append(f"{CHAPTERS[chapter][1]}: no facts dated to the day or week in the window.")
            continue
        first, last, peak = weeks.index.min(), weeks.index.max(), weeks.idxmax()
        parts.append(
            f"{CHAPTERS[chapter][1]}: {weeks.sum()} facts from the week of {first.day} {first:%b %Y} to the week of "
            f"{last.day} {last:%b %Y}, most ({weeks.max()}) in the week of {peak.day} {peak:%b %Y}."
        )
    return " ".join(parts)


def strength_table(counts: pd.DataFrame):
    """The counts by chapter as a table for both outputs (text.Table)."""
    from afterassad.core.text import Table

    frame = (
        counts.rename(columns=lambda b: "No independent outlet (a claim under test)" if b == "none" else b.capitalize())
        .rename(index=lambda c: f"{CHAPTERS[c][0]}. {CHAPTERS[c][1]}")
        .rename_axis(index="Chapter", columns=None)
        .reset_index()
    )
    return Table(
        frame,
        caption="Facts per chapter by the number of independent outlets behind them.",
    )


# ------------------------------------------------------------------ field-level evidence
def evidence_counts(evidence: pd.DataFrame, fact_tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Per fact table: its rows, how many were re-verified, the evidence rows, and how many
    (fact, field) pairs are stated, implied or derived by some evidence row, and in dispute."""
    out = []
    for name, frame in fact_tables.items():
        ev = evidence[evidence["fact_table"] == name]
        pairs = ev.assign(field=ev["fields"].str.split(";")).explode("field")

        def n(stance, pairs=pairs):
            return len(pairs.loc[pairs["stance"] == stance, ["fact_id", "field"]].drop_duplicates())

        out.append(
            {
                "Table": name.replace("_", " "),
                "Rows": len(frame),
                "Re-verified": ev["fact_id"].nunique(),
                "Evidence rows": len(ev),
                "Fields stated": n("states"),
                "Fields implied": n("implies"),
                "Fields derived": n("derived"),
                "Fields in dispute": n("disagrees"),
            }
        )
    return pd.DataFrame(out)


def worked_example(evidence: pd.DataFrame, fact_id: str, labels: pd.Series, what: str):
    """One fact's evidence, value by value, as a table for the method page; `what` names the fact in words."""
    from afterassad.core.text import Table

    rows = evidence[evidence["fact_id"] == fact_id]
    frame = pd.DataFrame(
        {
            "Values": rows["fields"].str.replace("_id", "").str.replace("_", " ").str.replace(";", ", "),
            "Source": [labels.get(s, s) if isinstance(s, str) else "this report" for s in rows["source_id"]],
            "Stance": rows["stance"],
            "Where in the source": rows["locator"].fillna(""),
            "As the source gives it, or the rule": [
                r if st == "derived" else a for st, a, r in zip(rows["stance"], rows["as_given"], rows["rule"])
            ],
        }
    )
    return Table(
        frame,
        caption=f"The evidence behind one fact, value by value: {what}.",
        web_only="The data files published with the report hold the example value by value, one row per source.",
    )


def explorer_numbers(
    facts: pd.DataFrame, counts: pd.DataFrame, weekly: pd.DataFrame, left_out: dict, start: pd.Timestamp, end: pd.Timestamp
) -> dict[str, object]:
    """The explorer page's numbers: how many facts, how many the chronology draws and leaves out, and
    how many rest on one outlet or on three or more."""
    return {
        "n_facts": Plain(f"{len(facts):,}"),
        "window": Plain(f"{long_date(start)} to {long_date(end)}"),
        "n_drawn": Plain(f"{len(weekly):,}"),
        "n_before": Plain(f"{sum(v['before'] for v in left_out.values()):,}"),
        "n_after": Plain(f"{sum(v['after'] for v in left_out.values()):,}"),
        "n_vague": Plain(f"{sum(v['vague'] for v in left_out.values()):,}"),
        "n_libya_before": Plain(f"{left_out['libya']['before']:,}"),
        "n_one": Plain(f"{int(counts['one outlet'].sum()):,}"),
        "n_three": Plain(f"{int(counts['three or more'].sum()):,}"),
    }
