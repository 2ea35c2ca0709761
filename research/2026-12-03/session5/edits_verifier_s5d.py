"""Session 5: the fixes verifier-S5d asked for (research/2026-12-03/session5/verify_late_rows.md)."""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from csvedit import add_row, read, set_value, write  # noqa: E402

V = "verifier-S5d (session 5): "


def cell(table, key, field):
    h, rows = read(table)
    return [r for r in rows if r[0] == key][0][h.index(field)]


def add_sources(table, key, extra, why):
    old = cell(table, key, "source_ids")
    new = ";".join(old.split(";") + [s for s in extra if s not in old.split(";")])
    set_value(table, key, "source_ids", new, why)
    h, rows = read("corrections")
    rows[-1][2] = "sources_changed"
    write("corrections", h, rows)


add_row("sources", dict(
    source_id="charter97_20241209_isw_syria_bases_africa", title="ISW: Russians To Take Hit After Losing Bases In Syria",
    title_kind="as_published", publisher="Charter 97", original_publisher="Institute for the Study of War (ISW); UNIAN",
    url="https://charter97.org/en/news/2024/12/9/621899", date_published="2024-12-09", date_published_precision="day",
    date_accessed="2026-12-03", source_type="news", reliability="low",
    notes="Relays ISW's assessment of 8 Dec 2024: the Syrian bases supported Russian logistics, resupply and Africa Corps "
    "rotation for Libya and sub-Saharan Africa; Libya and Sudan inadequate substitutes (no formal agreements, insufficient "
    "infrastructure). Same text on newsyou.info; a copy is headed UNIAN. Found by verifier-S5d. query: loss of Russian bases "
    "in Syria will have major implications for Russia's global military footprint ISW Libya Sudan inadequate substitutes "
    "Africa Corps rotations",
))
WHY = V + "the Newsweek copy cited does not give ISW's words; a copy of ISW's assessment (graded low) does."
add_sources("claims", "c001_p03_s02_b", ["charter97_20241209_isw_syria_bases_africa"], WHY)
add_sources("claims", "c001_p10_s01_a", ["charter97_20241209_isw_syria_bases_africa"], WHY)
r = cell("claims", "c001_p03_s02_b", "reasoning")
old = "RFE/RL and ISW (via Newsweek) described the bases as supporting Russian operations in Africa."
assert old in r
set_value("claims", "c001_p03_s02_b", "reasoning", r.replace(old,
          "RFE/RL described the bases as supporting Russian operations in Africa, and ISW, in a copy of its assessment on a "
          "low-graded page, said their loss would disrupt Russian logistics, resupply and Africa Corps rotation."), WHY)
c = cell("claims", "c001_p10_s01_a", "corrected_value")
old = "that ISW qualified by calling Libya and Sudan inadequate substitutes"
assert old in c
set_value("claims", "c001_p10_s01_a", "corrected_value", c.replace(old,
          "that ISW qualified, in a copy of its assessment on a low-graded page, by calling Libya and Sudan inadequate substitutes"), WHY)
for sid, q in [("newsweek_20241211_isw_africa", "Syria critical role Russia Africa operations Wagner Mali Central African Republic Burkina Faso Hmeimim refuel map Newsweek December 11 2024"),
               ("reuters_20241209_kremlin_bases", "Kremlin to discuss future of Russian bases with Syria's new rulers Tartous repair replenishment hub")]:
    n = cell("sources", sid, "notes")
    if "query:" not in n:
        set_value("sources", sid, "notes", n.rstrip() + " query (re-found by verifier-S5d): " + q, V + "the notes record a query that returns the page.")
h, rows = read("evidence")
for r in rows:
    if r[0] == "ev_20200501_fighters_to_jufra..derived":
        r[h.index("rule")] = ("AFRICOM (party) statement with its own imagery, GNA party claims, Russian denial -> claimed, by "
                              "us_africom (US Africa Command made the statement); not stronger than the evidence")
        r[h.index("checked_by")] = "verifier-S5d"
write("evidence", h, rows)
