"""Time the blind copy and merging it back on a large project.

    python benchmarks/bench_merge.py [--documents 2000] [--passages 200000] [--theirs 100000]

Builds the project of ``bench_exchange.py`` (2,000 documents, 200,000 passages by three
coders), makes a blind copy for a fourth coder, fills it with ``--theirs`` passages by bulk
insert (one in ten with a memo), renames a code and edits an attribute in it, then times the
first merge (everything new) and a second merge of the same file (nothing to do).
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import tempfile
import time
import uuid
from datetime import datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_exchange import build  # noqa: E402

from annotator.db import exchange as bulk  # noqa: E402
from annotator.merge import copy_for_coder, merge_project  # noqa: E402
from annotator.project import Project  # noqa: E402


def code_the_copy(path: Path, passages: int, seed: int = 2) -> None:
    rng = random.Random(seed)
    base = datetime(2024, 5, 1, 9, 0, 0)
    with Project.open(path, coder="丁") as copy:
        coder = copy.coder.id
        docs = [(d.id, d.length) for d in copy.documents()]
        leaves = [c.id for c in copy.codes() if c.parent_id is not None]
        copy.rename_code(leaves[0], "丁改的名字")
        copy.set_attributes(docs[0][0], {"省份": "丁"})
        rows = []
        for i in range(passages):
            doc, length = rng.choice(docs)
            start = rng.randrange(0, length - 200)
            rows.append(dict(guid=str(uuid.uuid4()), document_id=doc, code_id=rng.choice(leaves),
                             coder_id=coder, start=start, end=start + rng.randint(5, 180),
                             memo="丁：存疑" if rng.random() < 0.1 else "",
                             created_at=base + timedelta(seconds=i)))
        with copy.session_scope() as s:
            bulk.insert_passages(s, rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=2000)
    parser.add_argument("--passages", type=int, default=200_000)
    parser.add_argument("--theirs", type=int, default=100_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-merge-") as tmp:
        ours_path, theirs_path = Path(tmp) / "ours.annot", Path(tmp) / "theirs.annot"
        t0 = time.perf_counter()
        build(ours_path, args.documents, args.passages)
        t_build = time.perf_counter() - t0
        with Project.open(ours_path) as project:
            t0 = time.perf_counter()
            copy_for_coder(project, theirs_path, "丁")
            t_copy = time.perf_counter() - t0
            code_the_copy(theirs_path, args.theirs)
            t0 = time.perf_counter()
            first = merge_project(project, theirs_path)
            t_first = time.perf_counter() - t0
            t0 = time.perf_counter()
            second = merge_project(project, theirs_path)
            t_second = time.perf_counter() - t0
            total = project.stats().passages
        peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"project:      {args.documents} documents, {args.passages} passages "
              f"(built in {t_build:.1f} s, {ours_path.stat().st_size / 1e6:.0f} MB)")
        print(f"blind copy:   {t_copy:6.2f} s  -> {theirs_path.stat().st_size / 1e6:.0f} MB")
        print(f"first merge:  {t_first:6.2f} s  {first.passages_added} passages added, "
              f"{first.codes_updated} code renamed, {first.attributes_updated} attribute, "
              f"{len(first.conflicts)} conflicts")
        print(f"second merge: {t_second:6.2f} s  {second.added} added, {second.changed} changed, "
              f"{second.passages_matched} matched")
        ok = total == args.passages + args.theirs and second.changed == 0
        print(f"peak RSS:     {peak_mb:.0f} MB   {total} passages after merging "
              f"{'OK' if ok else 'WRONG'}")


if __name__ == "__main__":
    main()
