#!/usr/bin/env bash
# Install annotator and its test tools into .venv, then lint (ruff; the architecture's
# import-linter contracts in pyproject.toml) and run the whole test suite headless.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup-env.sh
.venv/bin/ruff check --quiet annotator tests benchmarks scripts
.venv/bin/lint-imports --no-cache
export QT_QPA_PLATFORM=offscreen
exec .venv/bin/python -m pytest "$@"
