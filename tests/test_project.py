"""Project-wide promises: one version everywhere, licences present, every source used."""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path

import yaml

from afterassad import load
from afterassad.data.contract import read_package

ROOT = Path(__file__).resolve().parent.parent


def test_one_version_everywhere():
    versions = {
        "CITATION.cff": yaml.safe_load((ROOT / "CITATION.cff").read_text())["version"],
        "pyproject.toml": tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"],
        "datapackage.json": json.loads((ROOT / "data" / "datapackage.json").read_text())["version"],
        "_config.yml": yaml.safe_load((ROOT / "_config.yml").read_text())["parse"]["myst_substitutions"]["version"],
    }
    assert len(set(versions.values())) == 1, versions


def test_licences_and_citation_exist():
    for name in ("LICENSE", "LICENSE-CODE", "LICENSE-TEXT-AND-DATA", "CITATION.cff", "README.md"):
        assert (ROOT / name).is_file(), name


def test_readme_gives_the_two_commands_and_the_output_paths():
    readme = (ROOT / "README.md").read_text()
    assert "make book" in readme and "make test" in readme
    assert "_build/html/index.html" in readme and "_build/pdf/after-assad.pdf" in readme


def test_ci_runs_make_test():
    assert "make test" in (ROOT / ".ci" / "run").read_text()


def test_every_registered_source_is_used():
    """The registry holds what the report relies on, nothing else."""
    used = set()
    cited_by = [r["name"] for r in read_package()["resources"] if "source_ids" in {f["name"] for f in r["schema"]["fields"]}]
    assert {"claims", "events", "movements", "platforms", "site_status", "estimates"} <= set(cited_by)
    for name in cited_by:
        used |= {s for cell in load(name)["source_ids"].dropna() for s in cell.split(";")}
    sources = load("sources")
    unused = sorted(set(sources.loc[sources["source_type"] != "seed_article", "source_id"]) - used)
    assert not unused, f"sources in the registry that no row cites: {unused}"


def _lock(path: Path) -> dict[str, tuple[str, int]]:
    """A hashed lock: package -> (version, number of hashes); fails on any entry that is not pinned."""
    entries, current = {}, None
    for line in path.read_text().splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if line.startswith((" ", "\t")):
            if current and "--hash=sha256:" in line:
                name, (version, n) = current, entries[current]
                entries[name] = (version, n + 1)
            continue
        match = re.fullmatch(r"([A-Za-z0-9_.\-\[\]]+)==([^\s;\\]+)(\s*\\)?", line.strip())
        assert match, f"{path.name}: not pinned: {line}"
        current = match.group(1).lower().replace("_", "-")
        entries[current] = (match.group(2), 0)
    return entries


def test_every_locked_package_is_pinned_with_hashes_and_the_direct_ones_match_their_pins():
    for lock, direct in (
        ("requirements.txt", "requirements.in"),
        ("scripts/requirements-tools.txt", "scripts/requirements-tools.in"),
    ):
        entries = _lock(ROOT / lock)
        assert entries and all(n >= 1 for _, n in entries.values()), [k for k, (_, n) in entries.items() if n == 0]
        for line in (ROOT / direct).read_text().splitlines():
            line = line.split("#")[0].strip()
            if line:
                name, version = line.split("==")
                assert entries[name.lower().replace("_", "-")][0] == version, f"{direct}: {name} is {version}, the lock differs"


def test_no_notebook_hides_its_outputs_from_nbval():
    """Outputs are made deterministic instead: nbval checks every number and table."""
    import nbformat

    for path in sorted((ROOT / "book").glob("*.ipynb")):
        for cell in nbformat.read(path, as_version=4).cells:
            tags = cell.get("metadata", {}).get("tags", [])
            assert "nbval-ignore-output" not in tags and "nbval-skip" not in tags, path.name
            assert "NBVAL_IGNORE_OUTPUT" not in cell.source and "NBVAL_SKIP" not in cell.source, path.name
