"""`make lab` serves the chapters, as root and with no display, and a client can re-run one.

The server is started with the Makefile's own target, on a free port, and driven the way
JupyterLab drives it: the contents API opens a chapter, the sessions API starts its kernel, and
the kernel's websocket channel runs every code cell. The test then checks that the numbers the
prose weaves in (glue records) and a figure (a static image with its interactive HTML) come back,
with the same values as the committed notebook, and shuts the server down through its API.
"""

from __future__ import annotations

import json
import os
import re
import signal
import socket
import subprocess
import time
import urllib.request
import uuid
from pathlib import Path

import pytest
import websocket

ROOT = Path(__file__).resolve().parents[1]
CHAPTER = "01_collapse.ipynb"
GLUE_MIME = "application/papermill.record/text/plain"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_url(proc: subprocess.Popen, log: Path, deadline: float) -> str:
    """The server prints its URL with the token; return it once the server answers."""
    while time.time() < deadline:
        if proc.poll() is not None:
            raise AssertionError(f"make lab exited with {proc.returncode}:\n{log.read_text()[-3000:]}")
        found = re.search(r"(http://127\.0\.0\.1:\d+/lab\?token=[0-9a-f]+)", log.read_text())
        if found:
            return found.group(1)
        time.sleep(0.3)
    raise AssertionError(f"make lab printed no URL with a token in time:\n{log.read_text()[-3000:]}")


def api(base: str, token: str, path: str, method: str = "GET", body: dict | None = None) -> dict:
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(
        f"{base}{path}", data=data, method=method, headers={"Authorization": f"token {token}", "Content-Type": "application/json"}
    )
    with urllib.request.urlopen(req, timeout=30) as resp:
        raw = resp.read()
    return json.loads(raw) if raw else {}


def run_cell(ws: websocket.WebSocket, session: str, code: str, timeout: float = 60) -> list[dict]:
    """Send one execute_request on the shell channel; collect its iopub outputs until idle."""
    msg_id = uuid.uuid4().hex
    ws.send(
        json.dumps(
            {
                "header": {
                    "msg_id": msg_id,
                    "msg_type": "execute_request",
                    "session": session,
                    "username": "test",
                    "version": "5.3",
                },
                "parent_header": {},
                "metadata": {},
                "channel": "shell",
                "content": {
                    "code": code,
                    "silent": False,
                    "store_history": True,
                    "user_expressions": {},
                    "allow_stdin": False,
                    "stop_on_error": True,
                },
            }
        )
    )
    outputs, end = [], time.time() + timeout
    while time.time() < end:
        msg = json.loads(ws.recv())
        if msg.get("parent_header", {}).get("msg_id") != msg_id or msg.get("channel") != "iopub":
            continue
        kind = msg["msg_type"]
        if kind == "error":
            raise AssertionError(f"cell failed: {msg['content']['ename']}: {msg['content']['evalue']}")
        if kind in ("display_data", "execute_result", "stream"):
            outputs.append(msg["content"])
        if kind == "status" and msg["content"]["execution_state"] == "idle":
            return outputs
    raise AssertionError(f"cell did not finish within {timeout} s:\n{code[:200]}")


def glue_values(outputs: list[dict]) -> dict[str, str]:
    return {o["metadata"]["scrapbook"]["name"]: o["data"][GLUE_MIME] for o in outputs if GLUE_MIME in o.get("data", {})}


@pytest.mark.timeout(120)
def test_make_lab_serves_and_reruns_a_chapter(tmp_path):
    port = free_port()
    log = tmp_path / "lab.log"
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "BROWSER", "WAYLAND_DISPLAY")}
    env["JUPYTER_RUNTIME_DIR"] = str(tmp_path / "runtime")  # no clash with a server the user runs
    with log.open("w") as out:
        proc = subprocess.Popen(
            ["make", "--no-print-directory", "-s", "lab", f"PORT={port}"],
            cwd=ROOT,
            stdout=out,
            stderr=subprocess.STDOUT,
            env=env,
            start_new_session=True,
        )
    try:
        url = wait_for_url(proc, log, time.time() + 60)
        assert f":{port}/" in url, "the server must listen on the PORT given to make lab"
        base, token = f"http://127.0.0.1:{port}", url.rsplit("token=", 1)[1]

        # The chapters' folder is the server's root: the chapter is at the top level.
        listing = api(base, token, "/api/contents/")
        assert CHAPTER in {item["name"] for item in listing["content"]}
        notebook = api(base, token, f"/api/contents/{CHAPTER}")["content"]

        sess = api(
            base,
            token,
            "/api/sessions",
            "POST",
            {"path": CHAPTER, "type": "notebook", "name": CHAPTER, "kernel": {"name": "python3"}},
        )
        ws = websocket.create_connection(
            f"ws://127.0.0.1:{port}/api/kernels/{sess['kernel']['id']}/channels?token={token}", timeout=90
        )
        session_id = uuid.uuid4().hex
        got_glue, figures = {}, 0
        committed_glue = {}
        for cell in notebook["cells"]:
            if cell["cell_type"] != "code":
                continue
            committed_glue |= glue_values(cell.get("outputs", []))
            outputs = run_cell(ws, session_id, cell["source"])
            got_glue |= glue_values(outputs)
            figures += sum(1 for o in outputs if {"image/png", "text/html"} <= set(o.get("data", {})))
        ws.close()

        assert committed_glue, "the committed chapter should weave numbers in"
        assert got_glue == committed_glue, "re-run woven numbers differ from the committed chapter"
        assert figures >= 1, "no figure (static image plus interactive HTML) came back"

        api(base, token, "/api/shutdown", "POST")
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGTERM)
            proc.wait(timeout=15)
