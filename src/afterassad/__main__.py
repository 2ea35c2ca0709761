"""Command line: `python -m afterassad validate`, `... references OUT.bib` and `... zenodo` (writes .zenodo.json)."""

import sys
import time
from pathlib import Path

from afterassad.core.paths import data_dir
from afterassad.data.contract import check_package, pending_facts, read_package


def validate_command() -> int:
    start = time.monotonic()
    tables, faults = check_package(data_dir())
    if faults:
        print(f"DATA CONTRACT BROKEN: {len(faults)} fault(s)", file=sys.stderr)
        for fault in faults:
            print(f"  - {fault}", file=sys.stderr)
        return 1
    rows = sum(len(t.rows) for t in tables.values())
    print(f"data contract: {len(tables)} tables, {rows} rows, all valid ({time.monotonic() - start:.2f} s)")
    pending = pending_facts(tables, read_package(data_dir()))
    if pending:
        print(
            f"field-level evidence: {len(pending)} fact rows not yet re-verified (no rows in data/evidence.csv), "
            f"e.g. {', '.join(f'{t}:{i}' for t, i in pending[:3])}"
        )
    return 0


def references_command(out: str) -> int:
    from afterassad.publishing.references import write_bib

    count = write_bib(Path(out))
    print(f"references: {count} entries from data/sources.csv -> {out}")
    return 0


def zenodo_command() -> int:
    from afterassad.publishing.metadata import zenodo_file_text, zenodo_path

    zenodo_path().write_text(zenodo_file_text(), encoding="utf-8")
    print(f"wrote {zenodo_path()} from CITATION.cff")
    return 0


def main(argv: list[str]) -> int:
    if argv[1:] == ["validate"]:
        return validate_command()
    if argv[1:] == ["zenodo"]:
        return zenodo_command()
    if len(argv) == 3 and argv[1] == "references":
        return references_command(argv[2])
    print("usage: python -m afterassad validate | references OUT.bib | zenodo", file=sys.stderr)
    return 2


sys.exit(main(sys.argv))
