"""Without root, `make book` says exactly what to install and carries on (the HTML still builds)."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _bare_path(tmp_path: Path) -> Path:
    """A PATH with the shell basics and none of the build's system tools."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for tool in ("bash", "grep", "id", "date", "cat"):
        os.symlink(shutil.which(tool), bin_dir / tool)
    return bin_dir


def test_not_root_prints_the_apt_line_and_succeeds():
    # A world-readable folder, since pytest's own tmp folders are private to root.
    with tempfile.TemporaryDirectory() as folder:
        tmp_path = Path(folder)
        tmp_path.chmod(0o755)
        _run_unprivileged(tmp_path)


def _run_unprivileged(tmp_path: Path) -> None:
    bin_dir = _bare_path(tmp_path)
    script = tmp_path / "install_system.sh"
    shutil.copy(ROOT / "scripts" / "install_system.sh", script)
    command = ["bash", str(script)]
    if os.geteuid() == 0:  # drop to an unprivileged user so the script takes its non-root path
        command = [shutil.which("runuser"), "-u", "nobody", "--", *command]
    result = subprocess.run(command, env={"PATH": str(bin_dir)}, capture_output=True, text=True, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Not root, so nothing was installed" in result.stdout
    line = next(text for text in result.stdout.splitlines() if "apt-get install" in text)
    for package in ("chromium", "poppler-utils", "texlive-xetex", "latexmk", "npm", "fonts-freefont-otf"):
        assert package in line.split(), package
    assert "The HTML site still builds" in result.stdout
