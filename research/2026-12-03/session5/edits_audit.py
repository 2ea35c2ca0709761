"""Session 5, review L findings 3, 4 and 15 and review J/K on the audit: one rule for judgement sentences,
one verdict for the two near-identical claims about Russia's intent, a cross-reference that matches the
data, CNN's flight count described as its text gives it. Each change logged in data/corrections.csv."""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from csvedit import add_row, log, read, set_value, write  # noqa: E402

WHY_INTENT = ("Review of session 5: this claim and 'for now Russia does not intend to leave its main bases' are the "
              "same mid-December reading of Russia's intent on the same sources, so they take the same verdict; "
              "Moscow's stated hope proves only that it was said.")
set_value("claims", "c001_p03_s01_a", "verdict", "needs_context", WHY_INTENT)
log_cv = ("A reading of Russia's intent in mid-December 2024, when what could be observed was Russian aircraft still "
          "landing at Hmeimim (Reuters' journalists); Moscow's hope to keep both bases was its own statement, and "
          "anonymous Syrian sources told Reuters that Russia was keeping them.")
set_value("claims", "c001_p03_s01_a", "corrected_value", log_cv, WHY_INTENT)
set_value(
    "claims", "c001_p03_s01_a", "reasoning",
    "Reuters journalists saw Russian aircraft landing at Hmeimim in mid-December 2024 (14 Dec), and Kyiv Post (18 Dec) "
    "reported that Moscow was still seeking a deal on the bases. Moscow's stated hope to keep its two bases, and the "
    "anonymous Syrian sources who told Reuters that Russia was keeping them, show what was said and believed, not what "
    "Russia would do. The claim is a reading of intent and is rated as such, like the second article's claim that Russia "
    "did not intend to leave its main bases. The article is undated; the claim concerns mid-December 2024, the period its "
    "content describes.",
    WHY_INTENT,
)
set_value(
    "claims", "c000_p05_s12_a", "reasoning",
    "The three outlets agree that a withdrawal was under way in mid-December 2024, but each rests on officials it does "
    "not name, which makes the fact reported, not confirmed. The withdrawal chapter follows equipment leaving Tartus on "
    "tracked ships only from late January 2025, and troops flown home only through claims by Ukraine's military "
    "intelligence (HUR). The sentence still contradicts the first article's own headline about a build-up.",
    "Review of session 5: the cross-reference said two other claims resting on the same reports were rated the same "
    "way; one is rated needs context and the other misleading, for reasons of their own, so the cross-reference is "
    "removed.",
)
set_value(
    "claims", "c000_p05_s01_a", "reasoning",
    "Same-day reports, one of them apparently AP's (its copy is credited to agencies), and the Kyiv Independent put the "
    "fall on 8 Dec 2024. The article carries no date, so 'recent days' cannot be measured: its mention of 12 December 2024 "
    "as past means it was written no earlier than that (derived: an article cannot report as past a day after its own), "
    "but nothing sets a latest date. The substance, the fall, is confirmed; only its recency cannot be checked. "
    "Unverifiable is kept for claims whose substance the sources searched cannot settle, so this one needs context.",
    "Review of session 5: the reasoning now says why a claim whose timing cannot be measured is rated needs context "
    "rather than unverifiable (its substance is confirmed).",
)
CNN = ("Review of session 5 (CNN's flight count, one wording throughout): the CNN text found counts flights to "
       "al-Khadim without saying where they took off; 'from Syria' was the summaries' reading, not CNN's.")
set_value(
    "claims", "c001_p10_s01_a", "corrected_value",
    "Transfers to eastern Libya were reported by unnamed US and Libyan officials (WSJ) and an unnamed Libyan officer at "
    "al-Khadim (NYT: about six Russian planes since 8 Dec, some from Russia and some from Syria; cargo not independently "
    "confirmed), and CNN counted flights to al-Khadim without its text found giving where they took off; the 'pivot' is "
    "an interpretation (AEI Critical Threats via NYT) that ISW qualified by calling Libya and Sudan inadequate substitutes.",
    CNN,
)

# Judgement sentences: one rule. A judgement about a named actor (its loss, gain, motive or aim) is audited and
# never rated correct; framing that asserts nothing about a named actor is set aside. Two sentences set aside as
# judgements of a named actor are therefore audited now.
h, rows = read("non_claims")
keep = [r for r in rows if (r[0], r[1], r[2]) not in {("seed_000", "4", "1"), ("seed_001", "8", "3")}]
assert len(keep) == len(rows) - 2
write("non_claims", h, keep)
RULE = ("Review of session 5: judgement sentences handled one way. A judgement about a named actor (its loss, gain, "
        "motive or aim) is audited and never rated correct, as the first article's 'substantial setback for Moscow' "
        "already was; this sentence had been set aside as framing.")
add_row("claims", dict(
    claim_id="c000_p04_s01_a", article_id="seed_000", paragraph=4, sentence=1, claim_type="characterisation",
    claim="The transfer of equipment from Syria to Libya marks a significant loss for Russia.",
    verdict="needs_context",
    corrected_value="A judgement about Russia's loss, not a measurable fact: analysts call Assad's fall a loss for Russia, "
    "and what the sources document of the transfer is some equipment flown to eastern Libya, by unnamed officials' account.",
    reasoning="ABC's analysis (via RNZ) names Russia among the big losers of Assad's fall. That equipment, air-defence "
    "radars among it, was flown from Syria to eastern Libya rests on unnamed US and Libyan officials speaking to the WSJ. "
    "The sentence reads the transfer itself as the loss; the sources measure neither, and a judgement about a named "
    "actor is never rated correct.",
    check_date="not_applicable", check_attribution="not_applicable", check_period="pass", check_numbers="not_applicable",
    source_ids="rnz_20241209_assad_fall_russia_iran;wsj_20241219_air_defence_libya",
))
log("verdict_changed", "claims", "c000_p04_s01_a", "verdict", "not audited (listed as a sentence with no factual claim)",
    "needs_context", RULE, "rnz_20241209_assad_fall_russia_iran;wsj_20241219_air_defence_libya")
add_row("claims", dict(
    claim_id="c001_p08_s03_a", article_id="seed_001", paragraph=8, sentence=3, claim_type="characterisation",
    claim="The Kremlin's strategic aim is plainly to strengthen its influence in Africa.",
    verdict="needs_context",
    corrected_value="A reading of the Kremlin's motive that the sources cannot check; they show what Russia did "
    "(Syria used as a staging post to Africa; Africa Corps arrivals in Libya in spring 2024), not what it intends.",
    reasoning="Reuters says Moscow used Syria as a staging post to fly contractors in and out of Africa, and ISW (via "
    "Newsweek) describes Syria's role in Russia's Africa operations; Military Africa reported Africa Corps arrivals at "
    "Brak al-Shati and Tobruk in April 2024. These are actions and analysts' readings; the Kremlin's aim is inferred "
    "from them, not stated in the sources, and a judgement about a named actor's motive is never rated correct.",
    check_date="not_applicable", check_attribution="not_applicable", check_period="pass", check_numbers="not_applicable",
    source_ids="reuters_20241209_kremlin_bases;newsweek_20241211_isw_africa;militaryafrica_20240425_africa_corps",
))
log("verdict_changed", "claims", "c001_p08_s03_a", "verdict", "not audited (listed as a sentence with no factual claim)",
    "needs_context", RULE, "reuters_20241209_kremlin_bases;newsweek_20241211_isw_africa;militaryafrica_20240425_africa_corps")
