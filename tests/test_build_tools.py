"""The build re-runs a notebook exactly when what it reads has changed (no stale figures)."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from execute_notebooks import inputs_key  # noqa: E402
from list_notebooks import notebooks  # noqa: E402


def _fake_root(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "data", tmp_path / "data")
    shutil.copytree(ROOT / "src", tmp_path / "src")
    return tmp_path


def _nb(code: str) -> nbformat.NotebookNode:
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(code)]
    return nb


def test_key_changes_when_a_table_the_notebook_reads_changes(tmp_path):
    root = _fake_root(tmp_path)
    nb = _nb("load('events')")
    before = inputs_key(nb, ["events"], root)
    events = root / "data" / "events.csv"
    events.write_text(events.read_text().replace("confirmed", "reported", 1))
    assert inputs_key(nb, ["events"], root) != before


def test_key_ignores_tables_the_notebook_does_not_read(tmp_path):
    root = _fake_root(tmp_path)
    nb = _nb("load('events')")
    before = inputs_key(nb, ["events"], root)
    claims = root / "data" / "claims.csv"
    claims.write_text(claims.read_text() + "\n")
    assert inputs_key(nb, ["events"], root) == before


def test_key_changes_with_code_contract_or_shared_package(tmp_path):
    root = _fake_root(tmp_path)
    base = inputs_key(_nb("x = 1"), [], root)
    assert inputs_key(_nb("x = 2"), [], root) != base
    (root / "data" / "datapackage.json").write_text((root / "data" / "datapackage.json").read_text() + " ")
    after_contract = inputs_key(_nb("x = 1"), [], root)
    assert after_contract != base
    style = root / "src" / "afterassad" / "figures" / "style.py"
    style.write_text(style.read_text() + "\n# changed\n")
    assert inputs_key(_nb("x = 1"), [], root) != after_contract


def test_key_ignores_the_sphinx_extension(tmp_path):
    """The extension only shapes the HTML pages, so editing it does not make every notebook stale."""
    root = _fake_root(tmp_path)
    base = inputs_key(_nb("x = 1"), [], root)
    ext = root / "src" / "afterassad" / "publishing" / "sphinxext.py"
    ext.write_text(ext.read_text() + "\n# changed\n")
    assert inputs_key(_nb("x = 1"), [], root) == base


def test_every_toc_entry_has_a_page_and_the_notebooks_are_found():
    import yaml

    toc = yaml.safe_load((ROOT / "_toc.yml").read_text())
    entries = [toc["root"]] + [c["file"] for part in toc["parts"] for c in part["chapters"]]
    missing = [e for e in entries if not any((ROOT / f"{e}{ext}").is_file() for ext in (".ipynb", ".md"))]
    assert not missing, missing
    assert sorted(p.stem for p in notebooks(ROOT)) == sorted(Path(e).name for e in entries if (ROOT / f"{e}.ipynb").is_file())


def test_committed_notebooks_record_current_inputs():
    """Each notebook carries the digest of the inputs its outputs were made from; it must be today's.

    A quick staleness check before nbval re-executes everything: edit a CSV the chapter reads
    and forget `make book`, and this fails.
    """
    stale = []
    for path in notebooks(ROOT):
        nb = nbformat.read(path, as_version=4)
        record = nb.metadata.get("afterassad")
        if not record or record["inputs_key"] != inputs_key(nb, record["tables"]):
            stale.append(path.name)
    assert not stale, f"notebooks whose outputs predate their code or data (run make book): {stale}"
