"""The collapse chapter's analysis: changes of control, distances, pace, and its three figures."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from afterassad.chapters.milestones import dates_of
from afterassad.core.dates import day_month, long_date
from afterassad.core.geo import distance_km
from afterassad.core.text import Plain, html, short_name
from afterassad.figures import style
from afterassad.figures.labels import PHONE_PLOT_PX, LabelPlacer
from afterassad.figures.render import add_country_names, base_map, locator_box
from afterassad.figures.timeline import stack_in_lanes

LANES = {  # event types grouped into the timeline's rows, top to bottom
    "Offensive, control": ["offensive_launch", "control_change"],
    "Movements": ["military_movement"],
    "Strikes": ["airstrike"],
    "Statements": ["statement", "diplomacy", "agreement", "negotiation"],
    "Departure, transition": ["departure", "asylum", "transition", "other"],
}


def offensive_start(events: pd.DataFrame) -> pd.Series:
    """The launch event of the offensive (the earliest offensive_launch of the chapter)."""
    launches = events[events["event_type"] == "offensive_launch"].sort_values("date")
    if launches.empty:
        raise ValueError("no offensive_launch event in the data")
    return launches.iloc[0]


# Fighters the sources call only "rebels" or "the opposition": the places credited to them (Hama, al-Rastan,
# Qusayr, Maarat al-Numan, Abu al-Duhur, the Latakia countryside) lie on the front that ran south and west
# from the start line, and no other force in the data set out towards them, so they are measured from it.
SAME_FRONT = frozenset({"syrian_armed_opposition"})


def measured_from_start(actor_ids: pd.Series, start: pd.Series, same_front=SAME_FRONT) -> pd.Series:
    """Whether a place's distance from the start line says anything: only for places taken by the forces
    that set out from it (the launch's own force, and the unnamed opposition fighters on its front).
    Other forces (the SNA from the north, the SDF in the east, the southern factions) set out from lines
    of their own, and a distance from this one would read as the offensive's reach, which it is not."""
    return actor_ids.eq(start["actor_id"]) | actor_ids.isin(same_front)


def changes_of_control(events: pd.DataFrame, places: pd.DataFrame, actors: pd.DataFrame) -> pd.DataFrame:
    """The first change of hands of each place, with coordinates, day number and distance from the start.

    A place can change hands more than once (Deir ez-Zor did); only its first change counts here,
    and later ones stay in the events table. The start line is the launch event's place. The distance
    is left empty for a place taken by a force that did not set out from that line (measured_from_start).
    """
    start = offensive_start(events)
    origin = places.set_index("place_id").loc[start["place_id"]]
    changes = (
        events[(events["event_type"] == "control_change") & events["place_id"].notna()]
        .sort_values(["date", "event_id"])
        .drop_duplicates("place_id")
    )
    table = changes.merge(places[["place_id", "name", "lat", "lon", "place_type", "geo_precision"]], on="place_id")
    table = table.merge(actors[["actor_id", "name"]].rename(columns={"name": "actor_name"}), on="actor_id")
    table["day"] = (table["date"] - start["date"]).dt.days
    table["from_start_line"] = measured_from_start(table["actor_id"], start)
    table["distance_km"] = [
        distance_km(origin["lat"], origin["lon"], r.lat, r.lon) if r.from_start_line else float("nan") for r in table.itertuples()
    ]
    return table.sort_values(["date", "distance_km", "place_id"]).reset_index(drop=True)


OTHER_FRONT = "—, another front"  # what the table says where a distance from this start line would mislead


def distance_words(km: float) -> str | int:
    """A distance for the table: whole kilometres, or the words for a place taken on another front."""
    return OTHER_FRONT if pd.isna(km) else round(km)


def _legend_entry(fig: go.Figure, actor_id: str, name: str) -> None:
    """A filled marker in the legend for each actor, whatever the status of its first event."""
    fig.add_trace(
        go.Scatter(
            x=[None],
            y=[None],
            mode="markers",
            name=name,
            legendgroup=actor_id,
            marker=dict(color=style.actor_colour(actor_id), size=10, symbol="circle"),
        )
    )


def _hover(row) -> str:
    when = day_month(row.date) + (f"–{day_month(row.date_end)}" if pd.notna(row.date_end) else "")
    return f"<b>{html(when)}</b> · {html(row.status)} · date precision: {html(row.date_precision)}<br>" + "<br>".join(
        html(row.summary[i : i + 90]) for i in range(0, len(row.summary), 90)
    )


def timeline_figure(events: pd.DataFrame, actors: pd.DataFrame) -> go.Figure:
    """Every event of the chapter on one time axis, in lanes by kind, coloured by actor.

    Events of the same day are stacked inside their lane, so none hides another. Multi-day
    events are drawn as a bar from first to last day; open and crossed markers are events
    reported by one source or claimed by a party.
    """
    names = actors.set_index("actor_id")["name"]
    lane_of = {t: lane for lane, types in LANES.items() for t in types}
    frame = events.assign(lane=events["event_type"].map(lane_of))
    lanes = stack_in_lanes(frame, "lane", list(LANES), end_col="date_end")
    frame = frame.assign(y=lanes.y)
    fig = go.Figure()
    for row in frame[frame["date_end"].notna()].itertuples():
        fig.add_trace(
            go.Scatter(
                x=[row.date, row.date_end],
                y=[row.y, row.y],
                mode="lines",
                line=dict(color=style.actor_colour(row.actor_id), width=6),
                opacity=0.35,
                hoverinfo="skip",
                showlegend=False,
            )
        )
    for actor_id, group in frame.groupby("actor_id", sort=False):
        _legend_entry(fig, actor_id, short_name(names.get(actor_id, actor_id)))
        fig.add_trace(
            go.Scatter(
                x=group["date"],
                y=group["y"],
                mode="markers",
                name=short_name(names.get(actor_id, actor_id)),
                legendgroup=actor_id,
                showlegend=False,
                marker=dict(
                    color=style.actor_colour(actor_id),
                    size=10,
                    line=dict(width=1.5, color=style.actor_colour(actor_id)),
                    symbol=[style.STATUS_SYMBOL[s] for s in group["status"]],
                ),
                text=[_hover(r) for r in group.itertuples()],
                hovertemplate="%{text}<extra>%{fullData.name}</extra>",
            )
        )
    lanes.style_axis(fig)
    # no fixed tick step: plotly spaces the dates to the width, every 3 days on a desktop, weekly on a phone
    fig.update_xaxes(title="Date (2024)", tickformat="%-d %b", tickangle=0)
    # room for the lanes, and for the legend, which wraps to a dozen rows on a phone
    fig.update_layout(legend=style.TOP_LEGEND, margin=dict(t=20), height=lanes.height_px(base=420))
    return fig


MAP_WINDOW = ((35.3, 42.6), (32.1, 37.4))


def map_figure(changes: pd.DataFrame, places: pd.DataFrame, start: pd.Series, labelled: list[str]) -> go.Figure:
    """Where and when places changed hands, on an offline base map of the region.

    Places in `labelled` (most important first) get their name and date written beside them
    where there is room at phone size (labels.LabelPlacer); every place has its hover text.
    """
    # the locator inset over Turkey and the north-east, where no place changed hands
    fig = base_map(*MAP_WINDOW, focus=["Syria"], locator="top right")
    origin = places.set_index("place_id").loc[start["place_id"]]
    placer = LabelPlacer.for_map(MAP_WINDOW, avoid=[locator_box(fig)])
    for lon, lat in zip(changes["lon"], changes["lat"]):
        placer.marker(lon, lat, 10)
    placer.marker(origin["lon"], origin["lat"], 16)
    start_position = placer.place(
        origin["lon"], origin["lat"], "Start", ["top left", "middle left", "bottom left", "top center"], 16
    )
    by_place = changes.set_index("place_id")
    text, position = {}, {}
    for place_id in (i for i in labelled if i in by_place.index):
        row = by_place.loc[place_id]
        # the name and the day; where that finds no room at phone size, the name alone (the day is in the
        # hover text and the table)
        for words in (f"{html(short_name(row['name']))} {day_month(row['date'])}", html(short_name(row["name"]))):
            position[place_id] = placer.place(row["lon"], row["lat"], words, marker_px=10)
            if position[place_id]:
                break
        text[place_id] = words if position[place_id] else ""
    add_country_names(fig, MAP_WINDOW, placer)  # furniture, placed last, drawn under the places
    for actor_id, group in changes.groupby("actor_id", sort=False):
        fig.add_trace(
            go.Scatter(
                x=group["lon"],
                y=group["lat"],
                mode="markers+text",
                name=short_name(group["actor_name"].iloc[0]),
                marker=dict(
                    color=style.actor_colour(actor_id),
                    size=10,
                    line=dict(color="white", width=1),
                    symbol=["circle" if p == "site" else "circle-dot" for p in group["geo_precision"]],
                ),
                text=[text.get(i, "") for i in group["place_id"]],
                textposition=[position.get(i) or "middle right" for i in group["place_id"]],
                textfont=dict(size=placer.font_px),
                customdata=[
                    [
                        html(short_name(r.name)),
                        day_month(r.date),
                        r.day,
                        f"{round(r.distance_km)} km from the start line" if r.from_start_line else "taken on another front",
                        html(r.status),
                    ]
                    for r in group.itertuples()
                ],
                hovertemplate="<b>%{customdata[0]}</b><br>changed hands %{customdata[1]} (day %{customdata[2]})"
                "<br>%{customdata[3]} · %{customdata[4]}<extra>%{fullData.name}</extra>",
            )
        )
    fig.add_trace(
        go.Scatter(
            x=[origin["lon"]],
            y=[origin["lat"]],
            mode="markers+text",
            name=f"Start line ({day_month(start['date'])})",
            marker=dict(symbol="star", size=16, color=style.INK),
            text=["Start" if start_position else ""],
            textposition=start_position or "top left",
            textfont=dict(size=placer.font_px),
            hovertemplate=f"{html(short_name(origin['name']))}<extra>start line</extra>",
        )
    )
    fig.update_layout(legend=style.TOP_LEGEND)
    return fig


PACE_ROW_PX = 30  # a row of the panel of other fronts, at the phone's size: its name above, its marker below


def pace_figure(changes: pd.DataFrame, start: pd.Series, labelled: list[str]) -> go.Figure:
    """Distance from the start line of each place taken on the offensive's own front, on the day it
    changed hands; below it, on the same days but with no distance, the places other forces took from
    start lines of their own (a distance from this one would not measure their advance). Places in
    `labelled` (most important first) are named where there is room at phone size."""
    front = changes[changes["from_start_line"]]
    others = changes[~changes["from_start_line"]].sort_values(["date", "place_id"]).reset_index(drop=True)
    rows = len(others)
    top_px = 300
    bottom_px = PACE_ROW_PX * rows + 10 if rows else 0
    fig = make_subplots(
        rows=2 if rows else 1,
        cols=1,
        shared_xaxes=True,
        row_heights=[top_px, bottom_px] if rows else None,
        vertical_spacing=0.12 if rows else 0.0,
    )
    # the step follows the whole front that set out from the start line: the launching force and the fighters no
    # source names on its front (a place credited to unnamed fighters there is not a halt in the advance)
    lead = front.sort_values("day")
    frontier = lead.groupby("day")["distance_km"].max().cummax()
    fig.add_trace(
        go.Scatter(
            x=frontier.index,
            y=frontier.values,
            mode="lines",
            line=dict(shape="hv", color=style.actor_colour(start["actor_id"]), width=2, dash="dot"),
            name="Furthest place taken on this front so far",
            hoverinfo="skip",
        ),
        row=1,
        col=1,
    )
    x_range = (-0.5, changes["day"].max() + 0.5)
    y_range = (-10.0, (front["distance_km"].max() if not front.empty else 100.0) * 1.08)
    placer = LabelPlacer.for_plot(x_range, y_range, (PHONE_PLOT_PX, top_px))
    for day, km in zip(front["day"], front["distance_km"]):
        placer.marker(day, km, 10)
    by_place = front.set_index("place_id")
    position = {
        i: placer.place(
            by_place.loc[i, "day"],
            by_place.loc[i, "distance_km"],
            html(short_name(by_place.loc[i, "name"])),
            ["top left", "middle left", "top right", "middle right", "bottom left", "bottom right"],
            10,
        )
        for i in labelled
        if i in by_place.index
    }
    for actor_id, group in front.groupby("actor_id", sort=False):
        fig.add_trace(
            go.Scatter(
                x=group["day"],
                y=group["distance_km"],
                mode="markers+text",
                name=short_name(group["actor_name"].iloc[0]),
                marker=dict(color=style.actor_colour(actor_id), size=10),
                text=[html(short_name(r.name)) if position.get(r.place_id) else "" for r in group.itertuples()],
                textposition=[position.get(i) or "top left" for i in group["place_id"]],
                textfont=dict(size=placer.font_px),
                customdata=[[html(short_name(r.name)), day_month(r.date)] for r in group.itertuples()],
                hovertemplate="<b>%{customdata[0]}</b>, %{customdata[1]}: day %{x}, %{y:.0f} km<extra>%{fullData.name}</extra>",
            ),
            row=1,
            col=1,
        )
    x_title = f"Day of the offensive (day 0: {day_month(start['date'])})"
    fig.update_yaxes(title="Distance from the start line (km)", range=list(y_range), row=1, col=1)
    if rows:
        # one row a place, top down in date order: its name and who took it above, its day as a marker
        ys = [-i for i in range(rows)]
        fig.add_trace(
            go.Scatter(
                x=[x_range[0]] * rows,
                y=[y + 0.42 for y in ys],
                mode="text",
                text=[
                    f"{html(short_name(r.name))}, {day_month(r.date)} ({html(short_name(r.actor_name))})"
                    for r in others.itertuples()
                ],
                textposition="middle right",
                textfont=dict(size=10, color=style.INK),
                hoverinfo="skip",
                showlegend=False,
            ),
            row=2,
            col=1,
        )
        fig.add_trace(
            go.Scatter(
                x=others["day"],
                y=ys,
                mode="markers",
                showlegend=False,
                name="Taken on another front",
                marker=dict(color=[style.actor_colour(a) for a in others["actor_id"]], size=10),
                customdata=[
                    [html(short_name(r.name)), day_month(r.date), html(short_name(r.actor_name))] for r in others.itertuples()
                ],
                hovertemplate="<b>%{customdata[0]}</b>, %{customdata[1]}: day %{x}<br>%{customdata[2]}<extra>another front</extra>",
            ),
            row=2,
            col=1,
        )
        fig.update_yaxes(
            range=[-(rows - 1) - 0.5, 1.0], showticklabels=False, ticks="", showgrid=False, zeroline=False, fixedrange=True,
            row=2, col=1,
        )  # fmt: skip
        for y in ys[1:]:  # a hairline between rows, so that each name reads with the marker under it
            fig.add_shape(type="line", xref="x2 domain", yref="y2", x0=0, x1=1, y0=y + 0.75, y1=y + 0.75,
                          line=dict(color=style.GRID, width=1))  # fmt: skip
        fig.add_annotation(
            text="Taken by other forces, from start lines of their own:<br>day only, no distance",
            xref="x2 domain", yref="y2 domain", x=0, y=1, xanchor="left", yanchor="bottom", yshift=6,
            showarrow=False, align="left", font=dict(size=11, color=style.INK),
        )  # fmt: skip
        fig.update_xaxes(title=x_title, row=2, col=1)
        fig.update_xaxes(showticklabels=True, row=1, col=1)
    else:
        fig.update_xaxes(title=x_title, row=1, col=1)
    fig.update_xaxes(dtick=1, range=list(x_range))
    # the distance chart's 520 px, and a row for each place on another front, with the gap above them
    fig.update_layout(legend=style.TOP_LEGEND, height=520 + (PACE_ROW_PX * rows + 70 if rows else 0))
    return fig


# ------------------------------------------------------------------ the context: why Russia did not save Assad

# The context facts the section dates by name (a fact that disappears from the data fails the chapter's test).
CONTEXT_FACTS = {
    "wagner_to_ukraine": "ev_20220201_wagner_syria_to_ukraine",
    "s300_out": "ev_20220201_russia_moves_s300_troops_ukraine",
    "strikes_fell": "ev_20220201_russian_strikes_fell_acled",
    "nasrallah": "ev_20240927_nasrallah_killed",
    "ceasefire": "ev_20241127_israel_hezbollah_ceasefire",
    "army_hollowed": "ev_20241127_syrian_army_hollowed",
    "iran_leaves": "ev_20241206_iran_evacuates_syria",
    "turkey_envoy": "ev_20240626_assad_lavrentiev_turkey",
    "turkey_conditions": "ev_20240713_syria_mfa_turkey_conditions",
    "assad_parliament": "ev_20240825_assad_parliament_turkey",
    "lavrov_pause": "ev_20241101_lavrov_syria_turkey_pause",
    "putin_erdogan": "ev_20241203_putin_erdogan_call",
    "fidan_araghchi": "ev_20241202_fidan_araghchi_ankara",
}


def split_context(events: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The chapter's events from the offensive's first day on, and the context before it."""
    start = offensive_start(events)["date"]
    return (events[events["date"] >= start].reset_index(drop=True), events[events["date"] < start].reset_index(drop=True))


def context_numbers(events: pd.DataFrame) -> dict[str, str]:
    """The dates the context section weaves in, by name, as precisely as each is known."""
    return dates_of(events, CONTEXT_FACTS, prefix="ctx_")


def chapter_numbers(events, actors, places) -> tuple[dict[str, object], dict[str, object]]:
    """Every number and date the chapter's prose weaves in, by name (glued by the notebook), and the
    objects its figure and table cells use, by name."""
    numbers: dict[str, object] = {}
    start = offensive_start(events)
    changes = changes_of_control(events, places, actors)
    ev = events.set_index("event_id")
    at = changes.set_index("place_id")

    def when(event_id):
        row = ev.loc[event_id]
        return Plain(long_date(row["date"]))

    damascus = at.loc["damascus"]
    cited = {s for cell in events["source_ids"] for s in cell.split(";")}
    numbers["d_start"] = Plain(long_date(start["date"]))
    numbers["start_place"] = Plain(short_name(places.set_index("place_id").loc[start["place_id"], "name"]))
    numbers["d_damascus"] = Plain(long_date(damascus["date"]))
    numbers["days_to_damascus"] = int(damascus["day"])
    numbers["km_damascus"] = round(damascus["distance_km"])
    numbers["km_per_day"] = round(damascus["distance_km"] / damascus["day"])
    numbers["n_events"] = len(events)
    numbers["n_places"] = len(changes)
    numbers["n_sources"] = len(cited)
    for status, n in events["status"].value_counts().items():
        numbers[f"n_{status}"] = int(n)
    # statements on record are kept apart from the facts they assert: they prove only that they were said
    said = (events["status"] == "confirmed") & (events["event_type"] == "statement")
    numbers["n_said_on_record"] = int(said.sum())
    numbers["n_confirmed_not_said"] = int(((events["status"] == "confirmed") & ~said).sum())
    for key, event_id in {
        "aleppo_enter": "ev_20241129_aleppo_city",
        "aleppo_lost": "ev_20241201_aleppo_lost",
        "hama": "ev_20241205_hama",
        "homs": "ev_20241207_homs",
        "daraa": "ev_20241207_daraa",
        "southern_room": "ev_20241206_southern_ops_room",
        "assad_leaves": "ev_20241208_assad_leaves_damascus",
        "peskov_asylum": "ev_20241209_peskov_putin_decision",
        "assad_statement": "ev_20241216_assad_statement",
        "bashir": "ev_20241210_bashir_caretaker_pm",
        "tartus_ships": "ev_20241209_russian_ships_leave_tartus",
        "deir_second": "ev_20241210_deir_ez_zor_opposition",
        "doha": "ev_20241207_doha_astana",
        "kremlin_support": "ev_20241202_kremlin_support",
    }.items():
        numbers[f"d_{key}"] = Plain(long_date(ev.loc[event_id, "date"]))
    numbers["d_homs_end"] = Plain(long_date(ev.loc["ev_20241207_homs", "date_end"]))
    # The ships left between two images; the text names the day an image first showed them out of port.
    numbers["d_tartus_ships"] = Plain(long_date(ev.loc["ev_20241209_russian_ships_leave_tartus", "date_end"]))
    for place in ("aleppo", "hama", "homs"):
        numbers[f"km_{place}"] = round(at.loc[place, "distance_km"])
    russia = events[events["actor_id"] == "russia"]
    russian_strikes = russia[russia["event_type"] == "airstrike"]
    numbers["n_russian_strikes"] = len(russian_strikes)
    numbers["d_last_russian_strike"] = Plain(long_date(russian_strikes["date"].max()))
    numbers["n_actors_taking_ground"] = changes["actor_id"].nunique()
    shared = {"at": at, "changes": changes, "damascus": damascus, "russia": russia, "start": start}
    return numbers, shared


# The places the map names, most important first (the label placer drops the later ones if they collide).
MAP_LABELS = [
    "aleppo",
    "hama",
    "homs",
    "damascus",
    "daraa",
    "deir_ez_zor",
    "suwayda",
    "palmyra",
    "manbij",
    "latakia",
    "khan_shaykhun",
    "qusayr",
]
