#!/usr/bin/env bash
# Runs the Superset plugin's tests (pytest): the DB-API, dialect and engine spec against statsig-sql serve,
# and a real Apache Superset 6.1.0 driven over REST and in Chromium. The tests' virtualenv lives outside the
# clone, under ~/.cache/statsig-jdbc/, keyed by the hash of the requirements and constraints, so a fresh
# clone (CI's) reuses it; it is made on first use (several minutes: Superset is about 150 packages).
# Usage: run-tests.sh [OUTPUT_DIR] [pytest arguments...]   (OUTPUT_DIR: junit XML, screenshots; default target/)
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
out=$(mkdir -p "${1:-$here/target}" && cd "${1:-$here/target}" && pwd)
shift || true

python=${STATSIG_SUPERSET_PYTHON:-python3.11}
if ! command -v "$python" >/dev/null; then
  echo "run-tests.sh: $python is needed for Superset 6.1.0 (Python 3.10-3.12); install it or set STATSIG_SUPERSET_PYTHON." >&2
  exit 2
fi
key=$( { "$python" -c 'import sys; print(sys.version_info[:2])'; cat "$here/requirements-superset.txt" "$here/constraints-superset.txt"; } \
  | sha256sum | cut -c1-16)
cache=${XDG_CACHE_HOME:-$HOME/.cache}/statsig-jdbc
venv=$cache/superset-venv-$key
mkdir -p "$cache"
(
  # One installer at a time (parallel builds on one machine share the cache); a half-made venv is made again.
  flock 9
  if [ ! -f "$venv/.complete" ]; then
    echo "run-tests.sh: making the Superset test environment in $venv (first run only, several minutes)..." >&2
    rm -rf "$venv"
    "$python" -m venv "$venv"
    "$venv/bin/pip" install -q --disable-pip-version-check -r "$here/requirements-superset.txt" -c "$here/constraints-superset.txt"
    touch "$venv/.complete"
  fi
) 9>"$venv.lock"

# The plugin as this clone has it (not editable: the venv is shared between clones).
build=$(mktemp -d)
trap 'rm -rf "$build"' EXIT
cp -r "$here/pyproject.toml" "$here/statsig_superset" "$build/"
"$venv/bin/pip" install -q --disable-pip-version-check --no-deps --no-build-isolation --force-reinstall "$build" >/dev/null

cd "$here"
export STATSIG_SUPERSET_OUTPUT="$out"
exec "$venv/bin/python" -m pytest -p no:cacheprovider --junitxml "$out/pytest.xml" -o junit_family=xunit2 "$@" tests
