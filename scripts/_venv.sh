# Shared by scripts/demo and scripts/test: a virtual environment in .venv with
# Newsroom installed, made on first use and refreshed when pyproject.toml changes.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
want=runtime
if [ "${1:-}" = "--dev" ]; then want=dev; fi
if [ ! -x .venv/bin/python ]; then
  "${PYTHON:-python3}" -m venv .venv
fi
stamp=.venv/.newsroom-installed
have=$(cat "$stamp" 2>/dev/null || true)
if [ -z "$have" ] || [ pyproject.toml -nt "$stamp" ] || { [ "$want" = dev ] && [ "$have" != dev ]; }; then
  .venv/bin/python -m pip install --quiet --quiet --upgrade pip
  if [ "$want" = dev ] || [ "$have" = dev ]; then
    .venv/bin/python -m pip install --quiet --quiet -e ".[dev]"
    echo dev > "$stamp"
  else
    .venv/bin/python -m pip install --quiet --quiet -e .
    echo runtime > "$stamp"
  fi
fi
