"""Session 5: the fixes verifier-S5a asked for (research/2026-12-03/session5/verify_audit_rows.md), each logged."""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from csvedit import read, set_value, write  # noqa: E402

V = "verifier-S5a (session 5), checking the session's new and changed rows against their sources: "


def cell(table, key, field):
    h, rows = read(table)
    return [r for r in rows if r[0] == key][0][h.index(field)]


def add_sources(table, key, extra, why):
    old = cell(table, key, "source_ids")
    ids = old.split(";") + [s for s in extra if s not in old.split(";")]
    new = ";".join(ids)
    if new != old:
        set_value(table, key, "source_ids", new, why)
        # a change of sources is its own kind of correction
        h, rows = read("corrections")
        rows[-1][2] = "sources_changed"
        write("corrections", h, rows)


# 1a
set_value("claims", "c000_p04_s01_a", "reasoning",
          cell("claims", "c000_p04_s01_a", "reasoning").replace(
              "rests on unnamed US and Libyan officials speaking to the WSJ",
              "rests on unnamed officials speaking to the WSJ (US and Libyan officials, by a summary of its report)"),
          V + "the WSJ copy cited names only its sources and a US official; the summary names US and Libyan officials.")
add_sources("claims", "c000_p04_s01_a", ["postimees_202412_wsj_cnn_libya"], V + "the page that names US and Libyan officials.")
# 1b
set_value("claims", "c001_p08_s03_a", "corrected_value",
          "A reading of the Kremlin's motive: Military Africa asserts that aim as its own reading, citing no Kremlin "
          "statement; the other sources show what Russia did (Syria used as a staging post to Africa; Africa Corps "
          "arrivals in Libya in spring 2024), not what it intends.",
          V + "a cited source (Military Africa, also carried by Defence Blog) does state the aim, as its own reading.")
set_value("claims", "c001_p08_s03_a", "reasoning",
          "Military Africa's report of April 2024, also carried by Defence Blog, states the aim of extending Russia's "
          "influence in Africa as its own reading, and the article's sentence follows that line closely; it cites no "
          "Kremlin statement or other evidence for the motive. Reuters says Moscow used Syria as a staging post to fly "
          "contractors in and out of Africa, and ISW (via Newsweek) describes Syria's role in Russia's Africa operations. "
          "These are actions and analysts' readings; a judgement about a named actor's motive is never rated correct.",
          V + "the reasoning now says that an outlet asserts the aim, and on what.")
add_sources("claims", "c001_p08_s03_a", ["defenceblog_2024_africa_corps"], V + "the copy of Military Africa's report that states the aim.")
# 1c
for field in ("corrected_value", "reasoning"):
    old = cell("claims", "c001_p03_s01_a", field)
    new = (old.replace("Russian aircraft still landing at Hmeimim (Reuters' journalists)",
                       "Russian aircraft seen landing at Hmeimim, by a Reuters report from Latakia")
              .replace("Reuters journalists saw Russian aircraft landing at Hmeimim in mid-December 2024 (14 Dec)",
                       "A Reuters report from Latakia (14 Dec 2024) says Russian aircraft were seen landing at Hmeimim"))
    set_value("claims", "c001_p03_s01_a", field, new, V + "the Reuters copy says the aircraft were seen landing, not who saw them.")
# 1d
set_value("claims", "c000_p05_s12_a", "reasoning",
          "The withdrawal itself rests on officials the outlets do not name; imagery and flight records add only the "
          "loading at Hmeimim and flights reaching al-Khadim, which makes the evacuation reported, not confirmed. The "
          "sentence still contradicts the first article's own headline about a build-up.",
          V + "the sentence on the withdrawal chapter stated facts no cited source gives; CNN and Reuters also cite imagery and flight records.")
# 1f
old = cell("claims", "c000_p05_s04_a", "reasoning")
old_sentence = ("The sources name who made the report, and the Russian officials on record in those days said nothing of the "
                "kind, so the attribution is wrong.")
assert old_sentence in old
set_value("claims", "c000_p05_s04_a", "reasoning", old.replace(old_sentence,
          "The sources name who made the report. The Russian side, asked at the time, did not give it: the defence "
          "ministry did not respond to Reuters' request for comment on the Hmeimim imagery (13 Dec), and Peskov would not "
          "give troop numbers (11 Dec). So the attribution is wrong."),
          V + "'said nothing' would make the verdict unverifiable by the rule; the sources show the Russian side declined.")
add_sources("claims", "c000_p05_s04_a", ["reuters_20241213_maxar_hmeimim"], V + "the Reuters story in which the defence ministry did not respond.")
# 1g
old = cell("claims", "c001_p10_s01_a", "corrected_value")
old_clause = "and CNN counted flights to al-Khadim without its text found giving where they took off"
assert old_clause in old
set_value("claims", "c001_p10_s01_a", "corrected_value", old.replace(old_clause,
          "and CNN (31 Dec) reported a spike in flights from Syria to al-Khadim, its text found naming neither the "
          "airfield nor a count"), V + "CNN's report of 31 Dec speaks of flights from Syria; it names no airfield.")
add_sources("claims", "c001_p10_s01_a", ["postimees_202412_wsj_cnn_libya"], V + "the summary that names the US and Libyan officials.")
# 7
old = cell("sites", "al_khadim_air_base", "role")
old_b = ("summaries of CNN's flight tracking speak of daily flights from Hmeimim from mid-December 2024, an origin the "
         "CNN text found does not give)")
assert old_b in old
set_value("sites", "al_khadim_air_base", "role", old.replace(old_b,
          "CNN reported a spike in flights from Syria, and two summaries of its flight tracking give them as from "
          "Hmeimim, at least one a day since Assad's fall or several a day from mid-December 2024; the CNN text found does "
          "not name the airfield)"), V + "CNN's own report says 'from Syria'; the summaries name Hmeimim and disagree on how often.")
add_sources("sites", "al_khadim_air_base", ["northafricapost_undated_libya_hub"], V + "the second summary the role text names.")
# 8
old = cell("movements", "mv_20241215_hmeimim_khadim_daily", "description")
old_c = "the origin is the summaries' account: the CNN text found counts flights to al-Khadim without saying where they took off."
assert old_c in old
set_value("movements", "mv_20241215_hmeimim_khadim_daily", "description", old.replace(old_c,
          "the Hmeimim origin is the summaries' account: CNN's own report (31 Dec) speaks of flights from Syria, and the "
          "part of its text found names neither the airfield nor a count."), V + "CNN's own report says 'from Syria'.")
add_sources("movements", "mv_20241215_hmeimim_khadim_daily", ["cnn_20241231_khadim_flights"], V + "CNN's own report, for what it does and does not say.")
# evidence rows: the Lavrov rows and the Aquatica locator
h, rows = read("evidence")
for r in rows:
    if r[0].startswith("ev_20241207_lavrov_tartus_routine.."):
        r[h.index("checked_by")] = "verifier-S5a"
        r[h.index("locator")] = r[h.index("locator")].replace("(Reuters rewrite)", "(agency rewrite)")
        r[h.index("rule")] = r[h.index("rule")].replace("in a Reuters rewrite", "in an agency rewrite")
    if r[0] == "dl_20250320_aquatica_crude..gcaptain_20250325_sakina_offloads":
        r[h.index("locator")] = "paragraphs 4, 6"
write("evidence", h, rows)
