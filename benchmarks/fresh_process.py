"""One command in a fresh process, with a timeout: wall time, CPU time (steadier than wall
time on a shared machine), peak RSS of that command alone, its exit code and its output.

A wrapper process per measurement, so that RUSAGE_CHILDREN holds that one command. (The
wrapper in bench_scale.py has no timeout and raises on a failed command; the hostile-input
benchmarks need both a timeout and the failure's message.)
"""

from __future__ import annotations

import json
import subprocess
import sys

_MEASURE = """
import json, resource, subprocess, sys, time
cmd, timeout = json.loads(sys.argv[1]), float(sys.argv[2])
t0 = time.perf_counter()
try:
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
    out, code = done.stdout + done.stderr, done.returncode
except subprocess.TimeoutExpired:
    out, code = "TIMEOUT", None
wall = time.perf_counter() - t0
use = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"wall": wall, "cpu": use.ru_utime + use.ru_stime,
                  "peak_mb": use.ru_maxrss / 1024, "code": code, "out": out}))
"""


def measure(cmd: list[str], timeout: float) -> dict[str, object]:
    """wall/cpu (s), peak_mb, code (None after the timeout) and out (stdout + stderr, or
    "TIMEOUT") of ``cmd``."""
    done = subprocess.run([sys.executable, "-c", _MEASURE, json.dumps(cmd), str(timeout)],
                          capture_output=True, text=True, check=True)
    return json.loads(done.stdout)
