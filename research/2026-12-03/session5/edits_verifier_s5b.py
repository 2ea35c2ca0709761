"""Session 5: the fixes verifier-S5b asked for on the context rows (research/2026-12-03/session5/verify_context_rows.md)."""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from csvedit import read, set_value, write  # noqa: E402

V = "verifier-S5b (session 5), checking the context rows against their sources: "


def cell(table, key, field):
    h, rows = read(table)
    return [r for r in rows if r[0] == key][0][h.index(field)]


def replace(table, key, field, old, new, why):
    text = cell(table, key, field)
    assert old in text, (key, old)
    set_value(table, key, field, text.replace(old, new), why)


set_value("sources", "themedialine_2022_afp_airspace", "original_publisher", "Turkish media (unnamed); AFP (in part)",
          V + "the page credits the ban's scope to Turkish media and only the relay to Putin and the three months to AFP.")
set_value("actors", "eu_council", "description" if "description" in read("actors")[0] else read("actors")[0][3],
          "EU institution that adopted Council Regulation (EU) 2022/334 and Council Decision (CFSP) 2022/335, the "
          "measures on Russian aviation of 28 Feb 2022", V + "neither source describes the Council's make-up.")
replace("events", "ev_20220227_turkey_straits_closed", "summary",
        "As Reuters and a legal commentary explain the Convention, with Turkey not at war Article 19 bars the warships of "
        "belligerent powers, but warships returning to their base may pass; AFP and Al Mayadeen add that it leaves "
        "commercial shipping free passage (AFP: in peacetime).",
        "Reuters explains that the Convention lets Turkey limit warships' transit in wartime, with an exemption for ships "
        "returning to their registered base; a legal commentary (Oral, NUS Centre for International Law) quotes Article "
        "19, under which, with Turkey not belligerent, the warships of belligerent powers may not pass except in listed "
        "cases, and notes Turkey's word that it could not stop Russian warships returning to their bases. AFP and Al "
        "Mayadeen add that the Convention gives commercial shipping free passage (AFP: in peacetime).",
        V + "Reuters gives the wartime limit and the return-to-base exemption; only the commentary gives Article 19.")
replace("events", "ev_20220423_turkey_airspace_closed", "summary",
        "(Sabah via Sputnik; i24NEWS; AFP as The Media Line relays it)",
        "(Sabah via Sputnik; i24NEWS and The Media Line, each citing Turkish media)",
        V + "The Media Line credits that wording to Turkish media, not to AFP (the reason given for the change of sources "
        "earlier this session repeated the error).")
replace("events", "ev_20220228_eu_airspace_ban", "summary",
        "a Council Decision, 2022/335, sets the same rule. The legal text as found names no military or state aircraft.",
        "the recitals of Council Decision (CFSP) 2022/335 call for member states to deny the same aircraft landing, "
        "take-off and overflight. In the sources searched for this report, the parts of the legal text read (the "
        "Decision's recitals; TGCOM24's paraphrase of the Regulation) name no military or state aircraft.",
        V + "only the Decision's recitals were read; the gap is one of the sources searched.")
replace("events", "ev_20251126_turkey_overflight_exception", "summary",
        "the other members having closed their airspace to Russian state and military traffic,",
        "the other members having closed their airspace to Russian state and military traffic, that Ankara still gave "
        "Moscow a corridor to Syria and Libya,",
        V + "the post also says Ankara still gave a corridor to Syria and Libya (paragraph 3).")
h, rows = read("evidence")
ids = {
    "ev_20220423_turkey_airspace_closed..itamilradar_20220423_airspace_troops_only": "analyst_assessment",
    "ev_20251126_turkey_overflight_exception..itamilradar_20230501_turkish_attitude": "analyst_assessment",
}
passed = """ev_20220227_turkey_straits_closed..cyprusmail_20220228_reuters_straits
ev_20220227_turkey_straits_closed..anewspk_20220301_afp_straits
ev_20220227_turkey_straits_closed..almayadeen_2022_straits_may_close
ev_20220227_turkey_straits_closed..cilnus_2022_oral_article19
ev_20220423_turkey_airspace_closed..i24news_20220423_airspace_syria
ev_20220423_turkey_airspace_closed..themedialine_2022_afp_airspace
ev_20220228_eu_airspace_ban..globaltradealert_2022_eu_russian_carriers_ban
ev_20220228_eu_airspace_ban..wikisource_2022_council_decision_2022_335
ev_20220228_eu_airspace_ban..tgcom24_202202_eu_russian_flights_stop
ev_20220228_eu_airspace_ban..derived
ev_20220101_us_overflight_limits_wsj..urdupoint_20230512_sputnik_wsj_egypt
ev_20220101_us_overflight_limits_wsj..derived
ev_20220101_us_overflight_limits_wsj..derived_2
ev_20220101_us_overflight_limits_wsj..derived_3
ev_20251126_turkey_overflight_exception..itamilradar_20251126_turkish_airspace
ev_20251126_turkey_overflight_exception..derived""".split()
for r in rows:
    if r[0] in ids:
        r[h.index("basis")] = ids[r[0]]
        r[h.index("checked_by")] = "verifier-S5b"
    if r[0] in passed:
        r[h.index("checked_by")] = "verifier-S5b"
write("evidence", h, rows)
left = [r[0] for r in rows if r[h.index("checked_by")] == "writer-s5ctx-selfcheck"]
print("still self-checked:", left)
