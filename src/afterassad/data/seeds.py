"""The seed articles: where they are, and how they split into paragraphs and sentences.

The repository keeps no text of the seeds, only locators (article, paragraph, sentence).
The split below defines those locators, so it must stay stable: a paragraph is a non-empty
line (the headline is paragraph 1, bullet marks are dropped) and a sentence ends at . ! or ?
followed by a space and a capital, a digit or a quote, except after initials such as U.S.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from afterassad.core.paths import repo_root

_END = re.compile(r"[.!?][\"'”’)]?\s+")
_ABBREVIATION = re.compile(r"(?:\b[A-Z]\.){2,}$|\b(?:Mr|Mrs|Ms|Dr|St|Gen|Lt|Col|No)\.$")


def seeds_dir() -> Path | None:
    """../shared/seeds beside the repository (as in CI), or AFTERASSAD_SEEDS; None if absent."""
    folder = Path(os.environ.get("AFTERASSAD_SEEDS") or repo_root().parent / "shared" / "seeds")
    return folder if folder.is_dir() else None


def article_id(path: Path) -> str:
    """seed_000 for 000_a279f424c5dcea80.txt."""
    return "seed_" + path.name.split("_", 1)[0]


def split_sentences(paragraph: str) -> list[str]:
    out, start = [], 0
    for match in _END.finditer(paragraph):
        following = paragraph[match.end() : match.end() + 1]
        if not (following.isupper() or following.isdigit() or following in "\"'‘“"):
            continue
        if _ABBREVIATION.search(paragraph[start : match.start() + 1].strip()):
            continue
        out.append(paragraph[start : match.end()].strip())
        start = match.end()
    if paragraph[start:].strip():
        out.append(paragraph[start:].strip())
    return out


def paragraphs(text: str) -> list[str]:
    return [re.sub(r"^[-•*]\s+", "", line.strip()) for line in text.splitlines() if line.strip()]


def locators(path: Path) -> list[tuple[str, int, int]]:
    """(article_id, paragraph, sentence) for every sentence of one seed file."""
    text = path.read_text(encoding="utf-8")
    return [
        (article_id(path), p, s)
        for p, par in enumerate(paragraphs(text), start=1)
        for s, _ in enumerate(split_sentences(par), start=1)
    ]
