"""One figure style for the whole report: colours per actor, a plotly template, a matplotlib style."""

from __future__ import annotations

import itertools

import matplotlib as mpl
import plotly.graph_objects as go
import plotly.io as pio

FONT = "Noto Sans, DejaVu Sans, Arial, sans-serif"
INK = "#1f2328"
MUTED = "#6e7781"
GRID = "#e6e8eb"
PAPER = "#ffffff"

# The maps' quiet tones: sea, land, the land a map is about, and borders.
MAP_SEA = "#dfe9f3"
MAP_LAND = "#fafaf7"
MAP_FOCUS = "#f3efe6"
MAP_BORDER = "#9aa4ad"

# One colour per actor, used in every chapter, and no two actors the same colour: a figure coloured by
# actor must tell every actor it draws apart (a leader apart from his group, a president from his
# government). Okabe-Ito based, so that the main pairs stay apart for readers with colour-vision deficiency.
ACTOR_COLOURS = {
    "hts": "#7FC97F",
    "hts_coalition": "#009E73",
    "al_jolani": "#004D40",
    "sna": "#E69F00",
    "southern_factions": "#56B4E9",
    "suwayda_local_factions": "#88CCEE",
    "syrian_free_army": "#6699CC",
    "sdf": "#CC79A7",
    "syrian_government": "#D55E00",
    "assad": "#5C1A00",
    # the caretaker government, the coalition it came from and the unnamed opposition: three greens apart in
    # lightness and hue (dark olive, bluish green, pale yellow-green), so that they stay apart in any colour vision
    "transitional_government": "#3B5B0B",
    "russia": "#C1121F",
    "iran": "#882255",
    "hezbollah": "#AA4499",
    "israel": "#0072B2",
    "turkey": "#F0E442",
    "united_states": "#332288",
    "afghan_government": "#999933",
    "taliban": "#44AA99",
    "libyan_national_army": "#DDCC77",
    "lebanon": "#AA7744",
    "jordan": "#BBBBBB",
    "united_kingdom": "#4477AA",
    # Russia's forces in Libya: the state's in its red, the mercenaries and the Africa Corps in darker tones of it.
    "russian_armed_forces": "#A50F15",
    "africa_corps": "#67000D",
    "wagner_group": "#3F3F3F",
    "emercom": "#E7298A",
    "yevkurov": "#D6604D",
    "haftar": "#B8A14A",
    "gnu": "#1B9E77",
    "gna": "#66A61E",
    "belarus": "#7570B3",
    "uae": "#A6761D",
    "rsf": "#666666",
    "italy": "#1F78B4",
    "european_union": "#003399",
    "eu_council": "#2B4C9B",
    "us_africom": "#5E4FA2",
    # Claimants and sources of claims: drawn, where at all, in muted tones so they never read as forces.
    "hur_ukraine": "#5D6D7E",
    "isw": "#7F8C8D",
    "sohr": "#95A5A6",
    "oboronlogistika": "#A04000",
    "stg_stroytransgaz": "#B9770E",
    "fighterbomber_channel": "#717D7E",
    "clash_report": "#808B96",
    "pravda_network": "#909497",
    "un_panel_of_experts": "#5B7A99",
    "all_eyes_on_wagner": "#7B7D7D",
    "itamilradar": "#85929E",
    "military_africa": "#99A3A4",
    # Outlets whose own report is the only source of a claim: the same muted greys.
    "business_insider": "#8E9AA6",
    "libya_observer": "#7D8A96",
    "b92": "#96A0A8",
    "reflectii_geopolitice": "#A3ACB4",
    "al_jazeera": "#6F7C88",
    "sputnik": "#8A949C",
    "avia_pro": "#9BA5AD",
    "oryx": "#76838F",
    "fox_news": "#87919A",
    "foreign_policy": "#7A858F",
    "global_firepower": "#A0A9B1",
    "yenicag": "#838E98",
    "newsrael": "#929CA5",
    "al_bawaba": "#8B96A0",
    "nineteenfortyfive": "#7F8A94",
    "donald_trump": "#6C5B7B",
    "agenzia_nova": "#8F9BA5",
    "kan_israel": "#7E8993",
    "kommersant": "#98A2AA",
    "libya_osint": "#84909A",
    "rich_tedd_osint": "#9AA4AC",
    "unoda": "#6E7D8B",
    "cnn": "#8C97A1",
    "the_sun": "#9DA7AF",
    "asharq_al_awsat": "#7C8792",
    "al_horria": "#949EA7",
    "russian_state_tv": "#A37A5F",
    "sigar": "#5F7185",
    "us_lead_inspector_general": "#66788C",
    "nathalia_dukhan": "#7A8691",
    "army_recognition": "#8F99A3",
    "natia_seskuria": "#8A95A0",
    "alessandro_arduino": "#97A1AA",
    # Parties of the Wagner story and its aftermath.
    "yevgeny_prigozhin": "#6B3A2A",
    "central_african_republic": "#2F6690",
    # Parties that appear from 2025: firms that won what Russia lost, and others in the bargain.
    "dp_world": "#0B6E4F",
    "cma_cgm": "#35B779",
    "goznak": "#6B6B1F",
    "opcw": "#2C4A6B",
    "iraq": "#7D3C98",
    "lebanese_army": "#CC6677",
    "eighth_brigade": "#A6CEE3",
    "syrian_armed_opposition": "#B4DD7F",
    "ukraine": "#0057B7",
    "qatar": "#8A1538",
    "saudi_arabia": "#006C35",
    "saddam_haftar": "#B8860B",
    "khaled_haftar": "#DAA520",
    "sudan_government": "#8B4513",
    "eldiario_es": "#A7B0B8",
    "conflict_tr": "#8D98A2",
    "corbeau_news": "#99A1A9",
    "jalel_harchaoui": "#8A949E",
    "joe_wilson": "#3C5A8C",
    "mehr_news": "#7C8791",
    # States that received aircraft flown out of Afghanistan.
    "uzbekistan": "#1B7F8C",
    "tajikistan": "#8C6D1F",
}
OTHER = "#8c959f"

# Verdicts run from green (holds) to red (wrong), grey for unverifiable.
VERDICT_COLOURS = {
    "correct": "#1a7f37",
    "needs_context": "#7fb069",
    "misleading": "#e09f3e",
    "wrong": "#c1121f",
    "unverifiable": "#8c959f",
}
VERDICT_ORDER = list(VERDICT_COLOURS)
VERDICT_LABELS = {
    "correct": "Correct",
    "needs_context": "Needs context",
    "misleading": "Misleading",
    "wrong": "Wrong",
    "unverifiable": "Unverifiable",
}


# How far a fact is established, drawn the same way in every chart: filled, open, crossed.
STATUS_SYMBOL = {"confirmed": "circle", "reported": "circle-open", "claimed": "x-thin-open"}

# A legend above the plot, wrapping into rows: the page column is narrow, and the source line owns the bottom.
TOP_LEGEND = dict(orientation="h", x=0, xanchor="left", y=1.02, yanchor="bottom", font=dict(size=11), itemsizing="constant")


def actor_colour(actor_id: str | None) -> str:
    return ACTOR_COLOURS.get(actor_id or "", OTHER)


def count_ticks(top: float, most: int = 5) -> list[int]:
    """Tick values for an axis of counts from 0 to `top`: whole numbers a step of 1, 2 or 5 times a
    power of ten apart, at most `most` of them, so that no two ticks read the same ("0, 1, 1")."""
    steps = (m * 10**e for e in itertools.count() for m in (1, 2, 5))
    step = next(s for s in steps if int(top) // s + 1 <= most)
    return list(range(0, int(top) + 1, step))


def _plotly_template() -> go.layout.Template:
    template = go.layout.Template()
    template.layout = go.Layout(
        font=dict(family=FONT, size=13, color=INK),
        paper_bgcolor=PAPER,
        plot_bgcolor=PAPER,
        colorway=list(ACTOR_COLOURS.values()),
        margin=dict(l=60, r=20, t=30, b=90),
        xaxis=dict(gridcolor=GRID, linecolor=MUTED, ticks="outside", zeroline=False, automargin=True),
        yaxis=dict(gridcolor=GRID, linecolor=MUTED, ticks="outside", zeroline=False, automargin=True),
        legend=dict(orientation="h", yanchor="bottom", y=1.02, xanchor="left", x=0),
        hoverlabel=dict(font=dict(family=FONT)),
    )
    return template


def apply() -> None:
    """Register the plotly template and the matplotlib style; call once per notebook."""
    pio.templates["after_assad"] = _plotly_template()
    pio.templates.default = "after_assad"
    mpl.rcParams.update(
        {
            "font.family": "sans-serif",
            "font.sans-serif": ["Noto Sans", "DejaVu Sans", "Arial"],
            "axes.edgecolor": MUTED,
            "axes.grid": True,
            "grid.color": GRID,
            "axes.spines.top": False,
            "axes.spines.right": False,
            "figure.dpi": 110,
            "savefig.dpi": 200,
        }
    )


def legend_key(name: str, symbol: str, fill: str, size: int = 12, legendgroup: str | None = None) -> go.Scatter:
    """A trace with no points that only draws a legend entry: a marker outlined in ink, so the key
    reads as a shape, not as a colour that means something else in the figure."""
    return go.Scatter(
        x=[None],
        y=[None],
        mode="markers",
        name=name,
        legendgroup=legendgroup,
        marker=dict(symbol=symbol, size=size, color=fill, line=dict(color=INK, width=2)),
    )


# How far a fact is established, as the matrices and lane timelines draw it and add_status_legend keys
# it: a filled square for confirmed, an open one for reported by one source, a cross for claimed only.
STATUS_GLYPHS = {"confirmed": ("square", True), "reported": ("square", False), "claimed": ("x", True)}
STATUS_KEYS = {"confirmed": "Confirmed", "reported": "Reported by one source", "claimed": "Claimed only"}


def status_marker(status: str, colour, shape: str = "square", width: float = 2) -> dict:
    """A marker's symbol, fill and outline for a fact of this status, in `colour` (one colour, or one a
    point): filled, open (white inside) or a cross, as add_status_legend keys them."""
    symbol, filled = STATUS_GLYPHS[status]
    return dict(
        symbol=shape if symbol == "square" else symbol,
        color=colour if filled else "white",
        line=dict(color=colour, width=width),
    )


def add_status_legend(fig: go.Figure, size: int = 12, shape: str = "square", noun: str = "") -> go.Figure:
    """Legend entries for how far a fact is established, drawn as the matrices draw their cells:
    a filled square for confirmed, an open one for reported by one source, a cross for claimed only
    (a map draws its points as circles: `shape`). A `noun` names what the markers are ("Evidence:
    confirmed")."""
    for status, (symbol, filled) in STATUS_GLYPHS.items():
        label = f"{noun}: {STATUS_KEYS[status].lower()}" if noun else STATUS_KEYS[status]
        fig.add_trace(legend_key(label, shape if symbol == "square" else symbol, INK if filled else "white", size=size))
    return fig


def status_label(status: str, event_type: str = "") -> str:
    """How a fact's status reads in a table. A statement confirmed by its speaker's own words on record
    reads "said on record": the record proves it was said, not that what it says is true."""
    return "said on record" if event_type == "statement" and status == "confirmed" else status
