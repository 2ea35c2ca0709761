#!/usr/bin/env bash
# Release checks: the workflows lint clean (actionlint), CITATION.cff is valid (cffconvert), and
# CHANGELOG.md has a section for the version in pyproject.toml. On a tag build (GITHUB_REF_TYPE=tag)
# the tag must also be v<version>.
# The tools live in their own pinned environment, .cache/tools-venv, because cffconvert pins
# jsonschema<4, which the book's .venv cannot have. It is (re)built only when missing or when
# scripts/requirements-tools.txt changes (installed with --require-hashes); otherwise this script takes about a second.
set -euo pipefail
cd "$(dirname "$0")/.."

TOOLS=.cache/tools-venv
REQ=scripts/requirements-tools.txt
STAMP=$TOOLS/.installed

if [ ! -f "$STAMP" ] || ! cmp -s "$REQ" "$STAMP"; then
  echo "release tools: installing into $TOOLS"
  start=$(date +%s)
  rm -rf "$TOOLS"
  python3 -m venv "$TOOLS"
  log=.cache/tools-venv-install.log
  "$TOOLS/bin/python" -m pip install --quiet --disable-pip-version-check --require-hashes -r "$REQ" >"$log" 2>&1 \
    || { cat "$log"; echo "FAIL: could not install the release tools"; exit 1; }
  cp "$REQ" "$STAMP"
  echo "release tools: installed in $(( $(date +%s) - start )) s"
fi

fail=0

echo "actionlint $("$TOOLS/bin/actionlint" -version | head -n 1); $("$TOOLS/bin/shellcheck" --version | sed -n 2p)"
shopt -s nullglob
workflows=(.github/workflows/*.yml .github/workflows/*.yaml)
if [ ${#workflows[@]} -eq 0 ]; then
  echo "FAIL: no workflow in .github/workflows"; fail=1
else
  # -shellcheck: actionlint runs the tools environment's shellcheck on every run: script.
  "$TOOLS/bin/actionlint" -no-color -shellcheck="$TOOLS/bin/shellcheck" "${workflows[@]}" \
    || { echo "FAIL: actionlint"; fail=1; }
fi

"$TOOLS/bin/cffconvert" --validate -i CITATION.cff || { echo "FAIL: CITATION.cff"; fail=1; }

version=$(python3 -c 'import tomllib; print(tomllib.load(open("pyproject.toml", "rb"))["project"]["version"])')
if [ -f CHANGELOG.md ] && grep -Eq "^## \[${version//./\\.}\] - [0-9]{4}-[0-9]{2}-[0-9]{2}\$" CHANGELOG.md; then
  echo "CHANGELOG.md has a section for $version"
else
  echo "FAIL: CHANGELOG.md has no '## [$version] - YYYY-MM-DD' section for the version in pyproject.toml"; fail=1
fi

if [ "${GITHUB_REF_TYPE:-}" = tag ] && [ "${GITHUB_REF_NAME:-}" != "v$version" ]; then
  echo "FAIL: tag ${GITHUB_REF_NAME:-} is not v$version (the version in pyproject.toml)"; fail=1
fi

[ $fail -eq 0 ] && echo "release checks passed"
exit $fail
