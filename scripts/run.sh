#!/usr/bin/env bash
# Install annotator into .venv and open the desktop window on the sample project,
# building sample-project/samples.annot from samples/ on first run.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup-env.sh --desktop
PROJECT=sample-project/samples.annot
if [ ! -f "$PROJECT" ]; then
    mkdir -p sample-project
    .venv/bin/annotator init "$PROJECT" --codebook regional-innovation
    .venv/bin/annotator codebook import "$PROJECT" policy-instruments
    .venv/bin/annotator import "$PROJECT" samples/
fi
.venv/bin/annotator info "$PROJECT"
exec .venv/bin/annotator "$PROJECT" "$@"
