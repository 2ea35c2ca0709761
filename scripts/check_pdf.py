"""Check the built PDF with poppler's tools: metadata, fonts, chapters and figures.

Usage: python scripts/check_pdf.py _build/pdf/after-assad.pdf
The expected chapters come from _toc.yml and each page's first heading; the expected figures are
the notebook outputs that carry a PNG. Nothing is hard-coded.
"""
from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent


def run(*cmd: str) -> str:
    return subprocess.run(cmd, check=True, capture_output=True, text=True).stdout


def page_titles() -> list[str]:
    """First heading of every page in _toc.yml (the root page is the book's own title)."""
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
    files = [c["file"] for part in toc.get("parts", []) for c in part.get("chapters", [])]
    titles = []
    for name in files:
        path = next(p for p in (ROOT / f"{name}.ipynb", ROOT / f"{name}.md") if p.exists())
        text = ("\n".join("".join(c["source"]) for c in json.loads(path.read_text())["cells"] if c["cell_type"] == "markdown")
                if path.suffix == ".ipynb" else path.read_text(encoding="utf-8"))
        titles.append(re.search(r"^# (.+)$", text, re.M).group(1).strip())
    return titles


def expected_figures() -> int:
    count = 0
    for path in (ROOT / "book").glob("*.ipynb"):
        for cell in json.loads(path.read_text())["cells"]:
            count += sum("image/png" in out.get("data", {}) for out in cell.get("outputs", []))
    return count


def normalise(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("’", "'").replace("\u00ad", "")).lower()


def main(pdf: str) -> int:
    problems = []
    if not Path(pdf).is_file() or Path(pdf).stat().st_size == 0:
        print(f"FAIL: {pdf} does not exist or is empty", file=sys.stderr)
        return 1
    info = dict(line.split(":", 1) for line in run("pdfinfo", pdf).splitlines() if ":" in line)
    info = {k.strip(): v.strip() for k, v in info.items()}
    config = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
    for key, want in (("Title", config["title"]), ("Author", config["author"])):
        if info.get(key) != want:
            problems.append(f"metadata {key} is {info.get(key)!r}, expected {want!r}")
    fonts = run("pdffonts", pdf).splitlines()[2:]
    unembedded = [line.split()[0] for line in fonts if line.split()[-5] != "yes"]
    if not fonts:
        problems.append("no fonts found")
    if unembedded:
        problems.append(f"fonts not embedded: {', '.join(unembedded)}")
    text = normalise(run("pdftotext", "-layout", pdf, "-"))
    for title in page_titles():
        if normalise(title) not in text:
            problems.append(f"chapter or page missing from the PDF text: {title!r}")
    images = [line for line in run("pdfimages", "-list", pdf).splitlines()[2:] if line.split()[2] == "image"]
    want = expected_figures()
    if len(images) < want:
        problems.append(f"{len(images)} images in the PDF, but the notebooks hold {want} static figures")
    if problems:
        for p in problems:
            print(f"FAIL: {p}", file=sys.stderr)
        return 1
    print(f"PDF check: {info['Pages']} pages, title and author set, {len(fonts)} fonts all embedded, "
          f"{len(page_titles())} pages' titles found, {len(images)} images for {want} figures")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "_build/pdf/after-assad.pdf"))
