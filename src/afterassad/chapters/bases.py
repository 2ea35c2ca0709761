"""Russia's sites in Syria: the status of each over time, shared by the withdrawal chapter and the
new-Syria chapter (a status holds from its row's date until the next row for the same place)."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from afterassad.core.dates import with_precision
from afterassad.core.text import html, short_name
from afterassad.figures import style
from afterassad.figures.timeline import stack_in_lanes

SITE_STATUS_ORDER = ["operational", "under_negotiation", "held", "drawn_down", "vacated"]
# A site named for what Russia had there, where the place's own name is something else: the Golan
# place is the UN buffer zone, and Russia's presence in it was its military-police posts.
SITE_NAMES = {"golan_buffer_zone": "Former Russian posts at Quneitra"}


def site_names(places: pd.DataFrame) -> pd.Series:
    """Each place's name as a reader reads it, with the sites named for what Russia had there."""
    names = places.set_index("place_id")["name"].map(short_name)
    return pd.Series({**names.to_dict(), **SITE_NAMES})


SITE_STATUS_LABELS = {
    "operational": "Operational",
    "under_negotiation": "Under negotiation",
    # a source says the site is still held; the site itself is not observed at that date
    "held": "Held",
    "drawn_down": "Drawn down",
    "vacated": "Vacated",
}
# A sequential ramp from in use to gone, readable in grey scale too.
SITE_STATUS_COLOURS = {
    "operational": "#1a7f37",
    "under_negotiation": "#7fb069",
    "held": "#7a9cc6",
    "drawn_down": "#e09f3e",
    "vacated": "#8c959f",
}


def sets_status(site_status: pd.DataFrame) -> pd.Series:
    """Whether each row sets its site's status. A party's claim does not override evidence: once a
    site has a reported or confirmed row, a later claim about it is kept as evidence (a marker) but
    does not change the status; a claim sets the status only while nothing firmer is on record."""
    firm = site_status[site_status["status"] != "claimed"].groupby("place_id")["date"].min()
    first_firm = site_status["place_id"].map(firm)
    later_claim = (site_status["status"] == "claimed") & first_firm.notna() & (site_status["date"] > first_firm)
    return ~later_claim


def current_status(site_status: pd.DataFrame) -> pd.DataFrame:
    """Each site's standing status: its latest row that sets the status (sets_status), one per site."""
    rows = site_status[sets_status(site_status)]
    return rows.sort_values(["place_id", "date", "status_id"]).groupby("place_id").tail(1)


def status_periods(site_status: pd.DataFrame, places: pd.DataFrame, until: pd.Timestamp) -> pd.DataFrame:
    """Each status as a period: from its row's date to the next row's date for the same place that
    sets the status (a later claim over firmer evidence does not: it is a marker only, `sets` False,
    a period of no length).

    A place's last status runs to `until` (the chapter's cut-off) and is flagged `last`, so a figure
    can show it beyond its own last evidence as last known rather than observed.
    """
    frame = site_status.sort_values(["place_id", "date", "status_id"]).copy()
    frame["sets"] = sets_status(frame)
    standing = frame[frame["sets"]]
    frame["end"] = standing.groupby("place_id")["date"].shift(-1).reindex(frame.index)
    frame["last"] = frame["sets"] & frame["end"].isna()
    frame["end"] = frame["end"].fillna(until).where(frame["sets"], frame["date"])
    frame["place_name"] = frame["place_id"].map(site_names(places))
    return frame.reset_index(drop=True)


def status_timeline_figure(periods: pd.DataFrame) -> go.Figure:
    """One lane per base, coloured by status over time, with a marker for each piece of evidence.

    Markers of nearby dates are stacked inside the lane (none hides another). After a base's last
    piece of evidence its status is drawn faded: the last known status, not an observed one.
    """
    order = periods.groupby("place_name")["date"].min().sort_values().index.tolist()
    lanes = stack_in_lanes(periods, "place_name", order)
    periods = periods.assign(y=lanes.y)
    centre = dict(zip(lanes.ticktext, lanes.tickvals))
    fig = go.Figure()
    for status in SITE_STATUS_ORDER:  # legend entries in the order of the ramp
        fig.add_trace(
            go.Scatter(
                x=[None],
                y=[None],
                mode="lines",
                name=SITE_STATUS_LABELS[status],
                line=dict(color=SITE_STATUS_COLOURS[status], width=10),
            )
        )
    for r in periods.itertuples():
        y = centre[r.place_name]
        fig.add_trace(
            go.Scatter(
                x=[r.date, r.end],
                y=[y, y],
                mode="lines",
                showlegend=False,
                hoverinfo="skip",
                line=dict(color=SITE_STATUS_COLOURS[r.site_status], width=12),
                opacity=0.3 if r.last else 1.0,
            )
        )
    # The markers keyed by what they are and how far each is established; a printed legend names no
    # gesture ("hover"), since the PDF has none.
    style.add_status_legend(fig, size=10, shape="circle", noun="Evidence")
    fig.add_trace(
        go.Scatter(
            x=periods["date"],
            y=periods["y"],
            mode="markers",
            showlegend=False,
            # filled: confirmed; white with an outline: reported by one source; cross: claimed by a party
            marker=dict(
                color=[{"confirmed": style.INK, "reported": "white", "claimed": style.INK}[s] for s in periods["status"]],
                size=10,
                line=dict(color=[style.INK if s != "claimed" else "white" for s in periods["status"]], width=1.5),
                symbol=["x" if s == "claimed" else "circle" for s in periods["status"]],
            ),
            text=[
                f"<b>{html(p)}</b>, {html(with_precision(d, dp))}: {html(SITE_STATUS_LABELS[s])} ({html(st)})<br>"
                + "<br>".join(html(b[i : i + 90]) for i in range(0, len(b), 90))
                for p, d, dp, s, st, b in zip(
                    periods["place_name"],
                    periods["date"],
                    periods["date_precision"],
                    periods["site_status"],
                    periods["status"],
                    periods["basis"],
                )
            ],
            hovertemplate="%{text}<extra></extra>",
        )
    )
    lanes.style_axis(fig)
    fig.update_xaxes(type="date", title="Date (faded: last known, not observed)", tickformat="%b<br>%Y")
    fig.update_layout(legend=style.TOP_LEGEND, height=lanes.height_px(base=320))
    return fig


# How far a status is established, drawn as every figure of the report draws it: filled when
# confirmed, open when reported by one source, a cross when only a party claims it.
def site_marker(site_status: str, evidence: str) -> dict[str, object]:
    """A site's marker on a map: its colour gives the site's status, its shape how far that status is
    established (the evidence level of the row it comes from)."""
    colour = SITE_STATUS_COLOURS[site_status]
    if evidence == "confirmed":
        return {"symbol": "circle", "color": colour, "line_color": style.INK, "line_width": 1.5}
    if evidence == "reported":
        return {"symbol": "circle", "color": "white", "line_color": colour, "line_width": 3}
    if evidence == "claimed":
        return {"symbol": "x", "color": colour, "line_color": style.INK, "line_width": 1}
    raise ValueError(f"unknown evidence level {evidence!r}")
