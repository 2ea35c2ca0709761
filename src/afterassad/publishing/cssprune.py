"""Trim the theme's stylesheet to the rules the built site can use.

pydata-sphinx-theme ships one 66 KB (gzip) stylesheet for every feature of the theme; it blocks the
first paint of every page, and on a phone over 4G it costs more than a second. The book uses a small
part of it. After the HTML build, this keeps each rule whose selectors can match the site: a rule
stays if one of its selectors names only classes and ids that occur in the built pages or in the
theme's scripts (which add classes such as `show` or `active` at run time). Rules that name no class
or id (element, attribute and `:root` rules), @font-face, @keyframes and the like are kept whole;
@media and @supports blocks are pruned inside. Nothing is rewritten in place but the copy in the
built site."""

from __future__ import annotations

import re
from pathlib import Path

import tinycss2

THEME_CSS = Path("_static/styles/pydata-sphinx-theme.css")
_NAMES = re.compile(r"[.#](-?[_a-zA-Z][\w-]*)")
_TOKENS = re.compile(r"[_a-zA-Z][\w-]*")
_CLASS_ATTR = re.compile(r'(?:class|id)="([^"]*)"')


def names_in_site(outdir: Path) -> set[str]:
    """Every class and id in the built pages, and every word in the site's scripts."""
    used: set[str] = set()
    for page in outdir.rglob("*.html"):
        for value in _CLASS_ATTR.findall(page.read_text(encoding="utf-8", errors="ignore")):
            used.update(value.split())
    for script in (outdir / "_static").rglob("*.js"):
        used.update(_TOKENS.findall(script.read_text(encoding="utf-8", errors="ignore")))
    return used


def selector_can_match(selector: str, used: set[str]) -> bool:
    """True unless the selector names a class or id that the site never uses."""
    without_pseudo_args = re.sub(r":(?:not|is|where|has)\([^)]*\)", "", selector)
    return all(name in used for name in _NAMES.findall(without_pseudo_args))


def _prune(rules, used: set[str]) -> str:
    out = []
    for rule in rules:
        if rule.type == "qualified-rule":
            selectors = [s.strip() for s in tinycss2.serialize(rule.prelude).split(",")]
            kept = [s for s in selectors if selector_can_match(s, used)]
            if kept:
                out.append(", ".join(kept) + "{" + tinycss2.serialize(rule.content) + "}")
        elif rule.type == "at-rule" and rule.lower_at_keyword in ("media", "supports") and rule.content is not None:
            inner = _prune(tinycss2.parse_rule_list(rule.content, skip_comments=True, skip_whitespace=True), used)
            if inner:
                out.append(f"@{rule.at_keyword} {tinycss2.serialize(rule.prelude).strip()}{{{inner}}}")
        elif rule.type in ("at-rule",):
            out.append(tinycss2.serialize([rule]))
    return "".join(out)


def prune_stylesheet(css: str, used: set[str]) -> str:
    rules = tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True)
    return _prune(rules, used)


def prune_theme_css(outdir: Path) -> tuple[int, int]:
    """Prune the built site's copy of the theme stylesheet; returns its size before and after."""
    path = outdir / THEME_CSS
    if not path.exists():
        return 0, 0
    css = path.read_text(encoding="utf-8")
    pruned = prune_stylesheet(css, names_in_site(outdir))
    path.write_text(pruned, encoding="utf-8")
    return len(css), len(pruned)
