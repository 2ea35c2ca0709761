"""Link-preview images (Open Graph, 1200 x 630): a title card per chapter with its lead figure, and
one for the report, made at build time from the static images the notebooks already hold."""

from __future__ import annotations

import base64
import io
import json
from pathlib import Path

from matplotlib import font_manager
from PIL import Image, ImageDraw, ImageFont

from afterassad.figures import style
from afterassad.publishing import edition

SIZE = (1200, 630)
MARGIN = 48


def _font(size: int, bold: bool = True) -> ImageFont.FreeTypeFont:
    # DejaVu ships with matplotlib, so every machine draws the same card.
    path = font_manager.findfont(font_manager.FontProperties(family="DejaVu Sans", weight="bold" if bold else "normal"))
    return ImageFont.truetype(path, size)


def lead_figure(notebook: Path) -> Image.Image | None:
    """The first static figure (image/png output) of a notebook, or None."""
    cells = json.loads(notebook.read_text(encoding="utf-8")).get("cells", [])
    for cell in cells:
        for output in cell.get("outputs", []):
            png = output.get("data", {}).get("image/png")
            if png:
                data = "".join(png) if isinstance(png, list) else png
                return Image.open(io.BytesIO(base64.b64decode(data))).convert("RGB")
    return None


def _wrap(draw: ImageDraw.ImageDraw, text: str, font, width: int) -> list[str]:
    lines, line = [], ""
    for word in text.split():
        trial = f"{line} {word}".strip()
        if line and draw.textlength(trial, font=font) > width:
            lines.append(line)
            line = word
        else:
            line = trial
    return lines + [line]


def card(title: str, kicker: str, figure: Image.Image | None) -> Image.Image:
    """A white card: the kicker (report and chapter number), the title, and the figure below."""
    image = Image.new("RGB", SIZE, "white")
    draw = ImageDraw.Draw(image)
    draw.rectangle([0, 0, SIZE[0], 10], fill=style.INK)
    small, big = _font(26, bold=False), _font(46)
    y = MARGIN
    draw.text((MARGIN, y), kicker, font=small, fill=style.MUTED)
    y += 44
    for line in _wrap(draw, title, big, SIZE[0] - 2 * MARGIN)[:2]:
        draw.text((MARGIN, y), line, font=big, fill=style.INK)
        y += 58
    y += 12
    if figure is not None:
        room = (SIZE[0] - 2 * MARGIN, SIZE[1] - y - MARGIN // 2)
        figure = figure.copy()
        figure.thumbnail(room, Image.LANCZOS)
        image.paste(figure, ((SIZE[0] - figure.width) // 2, y))
    return image


def write_previews(book_root: Path, dest: Path, chapters: list[tuple[int, str, str]]) -> list[Path]:
    """One card per chapter (its lead figure) and one for the report; returns the files written."""
    dest.mkdir(parents=True, exist_ok=True)
    short, subtitle = edition.title_parts()
    written = []
    for number, title, doc in chapters:
        notebook = book_root / f"{doc}.ipynb"
        figure = lead_figure(notebook) if notebook.exists() else None
        path = dest / f"{doc.rsplit('/', 1)[-1]}.png"
        card(title, f"{short} · Chapter {number}", figure).save(path, optimize=True)
        written.append(path)
    first = next((book_root / f"{d}.ipynb" for _, _, d in chapters if (book_root / f"{d}.ipynb").exists()), None)
    report = dest / "report.png"
    card(
        subtitle[:1].upper() + subtitle[1:], f"{short} · version {edition.version()}", lead_figure(first) if first else None
    ).save(report, optimize=True)
    written.append(report)
    return written
