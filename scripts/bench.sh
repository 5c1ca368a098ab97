#!/usr/bin/env bash
# Run every benchmark in benchmarks/ and print its figures (several minutes; big projects
# are built in temporary folders; bench_scale.py builds and caches its workload in
# ~/.cache/annotator-bench, the first time at full size takes a while). Pass names to run
# some: scripts/bench.sh excel search
# (benchmarks/bench_documents.py FOLDER measures a folder of real documents against its gold
# file; it needs documents that are not in the repository, so it is not run here.)
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup-env.sh >/dev/null
export QT_QPA_PLATFORM=offscreen
names=("$@")
[ ${#names[@]} -gt 0 ] || names=(excel article_view search segment exchange tables agreement merge
                                   terms pdf_import import passages_pane scale)
for name in "${names[@]}"; do
    echo "== benchmarks/bench_${name}.py"
    .venv/bin/python "benchmarks/bench_${name}.py"
done
