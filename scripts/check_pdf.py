"""Check the built PDF: metadata, title page, bookmarks, fonts, chapters, figures, references, and
nothing pushed past the margin.

Usage: python scripts/check_pdf.py _build/pdf/after-assad.pdf
The expected chapters and sections come from _toc.yml and each page's headings; the expected
figures are the notebook outputs that carry a PNG; the version, the citation and the keywords come
from CITATION.cff. Nothing is hard-coded.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import yaml
from pypdf import PdfReader

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
from afterassad import load  # noqa: E402
from afterassad.publishing import edition  # noqa: E402
from afterassad.publishing.sphinxext import WEB_ONLY_PAGES, WEB_ONLY_POINTER, WEB_ONLY_SECTIONS  # noqa: E402

# LaTeX reports a line that sticks out past its column ("Overfull \hbox"). A point or two is
# invisible; past this, a table cell runs into its neighbour or text into the margin.
MAX_OVERFULL_PT = 3.0
LATEX_LOG = ROOT / "_build" / "pdf-work" / "_build" / "latex" / "after-assad.log"  # the Makefile's PDFWORK


def run(*cmd: str) -> str:
    return subprocess.run(cmd, check=True, capture_output=True, text=True).stdout


def toc_pages() -> list[str]:
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
    return [c["file"] for part in toc.get("parts", []) for c in part.get("chapters", [])]


def headings(name: str) -> list[tuple[int, str]]:
    """(level, text) of the # and ## headings of one page, in order."""
    path = next(p for p in (ROOT / f"{name}.ipynb", ROOT / f"{name}.md") if p.exists())
    text = (
        "\n".join("".join(c["source"]) for c in json.loads(path.read_text())["cells"] if c["cell_type"] == "markdown")
        if path.suffix == ".ipynb"
        else path.read_text(encoding="utf-8")
    )
    text = re.sub(r"```.*?```", "", text, flags=re.S)  # not the comments inside code fences
    return [(len(m.group(1)), m.group(2).strip()) for m in re.finditer(r"^(#{1,2}) (.+)$", text, re.M)]


def slug(heading: str) -> str:
    """The id Sphinx gives a section with this title ("How strong the evidence is" -> how-strong-the-evidence-is)."""
    return re.sub(r"[^a-z0-9]+", "-", heading.lower()).strip("-")


def pdf_headings(name: str) -> list[tuple[int, str]]:
    """The headings the PDF keeps of one page: none of a web-only page (one paragraph on the
    how-to-cite page names those pages), and web-only sections are left out."""
    kept = headings(name)
    if name in WEB_ONLY_PAGES:
        return []
    return [(level, text) for level, text in kept if slug(text) not in WEB_ONLY_SECTIONS.get(name, ())]


def page_titles() -> list[str]:
    """First heading of every page in _toc.yml (the root page is the book's own title)."""
    return [headings(name)[0][1] for name in toc_pages() if name not in WEB_ONLY_PAGES]


def outline_titles(reader: PdfReader) -> list[str]:
    titles = []

    def walk(items):
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                titles.append(item.title)

    walk(reader.outline)
    return titles


def overfull_boxes(log: Path) -> list[str]:
    """Lines LaTeX had to push past their column by more than MAX_OVERFULL_PT, with what they hold."""
    if not log.is_file():
        return [f"{log} is missing"]
    lines = log.read_text(encoding="utf-8", errors="replace").splitlines()
    found = []
    for i, line in enumerate(lines):
        m = re.match(r"Overfull \\hbox \(([\d.]+)pt too wide\) (.*)", line)
        if m and float(m.group(1)) > MAX_OVERFULL_PT:
            found.append(f"{m.group(1)} pt {m.group(2)}: {' '.join(lines[i + 1 : i + 2]).strip()[:90]}")
    return found


def expected_figures() -> int:
    count = 0
    for path in (ROOT / "book").glob("*.ipynb"):
        if f"book/{path.stem}" in WEB_ONLY_PAGES:
            continue
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
    reader = PdfReader(pdf)
    meta = reader.metadata or {}
    title, subtitle = edition.title_parts()
    for key, want in (("/Subject", subtitle), ("/Keywords", ", ".join(edition.citation_file()["keywords"]))):
        if normalise(str(meta.get(key, ""))) != normalise(want):
            problems.append(f"metadata {key} is {meta.get(key)!r}, expected {want!r}")
    first_page = normalise(run("pdftotext", "-f", "1", "-l", "1", pdf, "-"))
    for what, want in (
        ("edition", f"edition {edition.version()}"),
        ("citation", edition.suggested_citation()),
        ("evidence cut-off", f"evidence to {edition.evidence_cutoff()}"),
    ):
        if normalise(want) not in first_page:
            problems.append(f"title page lacks the {what}: {want!r}")
    # the edition's date (Sphinx's \\date, the day the PDF was made), as "3 December 2026"
    if not re.search(
        r"\b\d{1,2} (january|february|march|april|may|june|july|august|september|october|november|december) \d{4}\b",
        first_page.replace("evidence to " + normalise(edition.evidence_cutoff()), ""),
    ):
        problems.append("title page lacks the edition's date")
    bookmarks = {normalise(re.sub(r"^[\d.]+\s+", "", t)) for t in outline_titles(reader)}
    wanted = [text for name in toc_pages() for _, text in pdf_headings(name)] + ["Contents"]
    missing = [t for t in wanted if normalise(t) not in bookmarks]
    if missing:
        problems.append(f"no PDF bookmark for {len(missing)} chapters or sections: {missing[:8]}")
    for box in overfull_boxes(LATEX_LOG):
        problems.append(f"text or a table pushed past its column: {box}")
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
    if normalise(WEB_ONLY_POINTER.split(":")[0]) not in text:  # its opening words; a long line may hyphenate
        problems.append("the PDF lacks the paragraph that names the web-only appendices")
    for name in WEB_ONLY_PAGES:
        if normalise(headings(name)[0][1]) in bookmarks:
            problems.append(f"the web-only page {name} is in the PDF")
    for name, sections in WEB_ONLY_SECTIONS.items():
        left_in = [t for _, t in headings(name) if slug(t) in sections and normalise(t) in bookmarks]
        if left_in:
            problems.append(f"web-only sections of {name} are in the PDF: {left_in}")
    # The rest of an address may break across lines, and a page break may put the running header
    # between "URL:" and the address.
    # pdftotext may letter-space a justified line that holds a long right-to-left address ("h t t p s :").
    urls = len(re.findall(r"url:[^\[]{0,120}?h ?t ?t ?p ?s? ?:", text))
    with_url = int(load("sources")["url"].notna().sum())
    if urls < with_url:
        problems.append(f"only {urls} references in the PDF carry their URL; {with_url} sources have one")
    images = [line for line in run("pdfimages", "-list", pdf).splitlines()[2:] if line.split()[2] == "image"]
    want = expected_figures()
    if len(images) < want:
        problems.append(f"{len(images)} images in the PDF, but the notebooks hold {want} static figures")
    if problems:
        for p in problems:
            print(f"FAIL: {p}", file=sys.stderr)
        return 1
    print(
        f"PDF check: {info['Pages']} pages; title page with version {edition.version()}, date and citation; "
        f"metadata title, author, subject and keywords set; {len(wanted)} bookmarks found; {len(fonts)} fonts all "
        f"embedded; {len(page_titles())} pages' titles found; {len(images)} images for {want} figures; {urls} "
        f"reference URLs; no line past its column by more than {MAX_OVERFULL_PT} pt"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "_build/pdf/after-assad.pdf"))
