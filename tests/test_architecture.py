"""The package's layers and the direction of its imports.

core < data < figures < chapters < publishing: a module may import from its own layer or a lower
one, never a higher one; and no chapter module imports another chapter's. The README's layout
table lists every subpackage and every chapter module, so the table cannot drift from the tree.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from afterassad.core.paths import repo_root

PACKAGE = repo_root() / "src" / "afterassad"
LAYERS = ["core", "data", "figures", "chapters", "publishing"]
CHAPTERS = {"collapse", "withdrawal", "new_syria", "libya", "equipment"}


def imported_modules(path: Path, root: Path = PACKAGE) -> list[tuple[int, str]]:
    """Every afterassad module a file imports (absolute or relative), with its line."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    here = path.relative_to(root.parent).with_suffix("").parts  # ('afterassad', 'chapters', 'libya')
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = list(here[: len(here) - node.level])
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            if module.startswith("afterassad"):
                found.append((node.lineno, module))
                found += [(node.lineno, f"{module}.{a.name}") for a in node.names]
        elif isinstance(node, ast.Import):
            found += [(node.lineno, a.name) for a in node.names if a.name.startswith("afterassad")]
    return found


def layer_of(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[1] in LAYERS else None


def violations(root: Path = PACKAGE) -> list[str]:
    faults = []
    for path in sorted(root.rglob("*.py")):
        rel = path.relative_to(root.parent)
        own = rel.parts[1] if len(rel.parts) > 2 else None  # top-level __init__/__main__ sit above every layer
        if own not in LAYERS:
            continue
        for line, module in imported_modules(path, root):
            target = layer_of(module)
            if target and LAYERS.index(target) > LAYERS.index(own):
                faults.append(f"{rel}:{line} imports {module}: {own} must not import from {target}, a higher layer")
            name = module.split(".")[-1]
            if own == "chapters" and path.stem in CHAPTERS and target == "chapters" and name in CHAPTERS and name != path.stem:
                faults.append(f"{rel}:{line} imports {module}: a chapter must not import another chapter")
    first = {}  # one fault per import statement and rule ("from x import a, b" names x, x.a and x.b)
    for fault in faults:
        first.setdefault((fault.split(" imports ")[0], fault.split(": ", 1)[1]), fault)
    return list(first.values())


def test_imports_run_one_way_and_no_chapter_imports_another():
    assert violations() == []


@pytest.mark.parametrize(
    "lower,upper,line",
    [
        ("core", "figures", "from afterassad.figures import style\n"),
        ("data", "chapters", "from ..chapters.evidence import facts\n"),
    ],
)
def test_an_upward_import_is_caught(tmp_path, lower, upper, line):
    import shutil

    copy = tmp_path / "afterassad"
    shutil.copytree(PACKAGE, copy)
    victim = next((copy / lower).glob("[a-z]*.py"))
    victim.write_text(victim.read_text() + line)
    faults = violations(copy)
    assert len(faults) == 1 and f"{lower} must not import from {upper}" in faults[0]


def test_a_chapter_importing_another_is_caught(tmp_path):
    import shutil

    copy = tmp_path / "afterassad"
    shutil.copytree(PACKAGE, copy)
    libya = copy / "chapters" / "libya.py"
    libya.write_text(libya.read_text() + "from afterassad.chapters import withdrawal\n")
    assert any("a chapter must not import another chapter" in f for f in violations(copy))


def test_the_readme_layout_table_matches_the_tree():
    readme = (repo_root() / "README.md").read_text(encoding="utf-8")
    table = readme.split("## Layout", 1)[1].split("\n## ", 1)[0]
    listed = set(re.findall(r"`src/afterassad/([a-z_]+)/`", table))
    on_disk = {p.name for p in PACKAGE.iterdir() if p.is_dir() and (p / "__init__.py").exists()}
    assert listed == on_disk, (listed, on_disk)
    chapters_row = next(row for row in table.splitlines() if "`src/afterassad/chapters/`" in row)
    modules = {p.stem for p in (PACKAGE / "chapters").glob("[a-z]*.py")}
    assert {m for m in modules if f"`{m}`" in chapters_row} == modules, modules
