"""Print the notebooks of the book, in reading order, from _toc.yml."""

from pathlib import Path

import yaml


def notebooks(root: Path = Path(".")) -> list[Path]:
    toc = yaml.safe_load((root / "_toc.yml").read_text(encoding="utf-8"))
    files = [toc["root"]]
    for part in toc.get("parts", []):
        files += [c["file"] for c in part.get("chapters", [])]
    return [root / f"{f}.ipynb" for f in files if (root / f"{f}.ipynb").is_file()]


if __name__ == "__main__":
    print(" ".join(str(p) for p in notebooks()))
