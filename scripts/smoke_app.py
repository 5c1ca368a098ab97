"""Check a built app (``python scripts/build_app.py``) the way a user would use it, headless.

``python scripts/smoke_app.py [APP_FOLDER]`` (default dist/app/annotator; on macOS give
dist/app/Annotator.app/Contents/MacOS) runs the bundled programs only, with no Python
install involved:

1. ``annotator init/codebook import/import/export`` builds the sample project from the
   sample articles inside the app and writes the coded workbook;
2. ``annotator-desk`` opens that project in the window (Qt's offscreen platform), which then
   exports it and saves a picture of itself (packaging/app_entry.py, ANNOTATOR_SMOKE_EXPORT)
   and quits.

Exits 0 when every step did, printing each step's time. The files are left in a temporary
folder (printed) to look at: smoke/window.png shows whether Chinese text rendered.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TIMEOUT = 300  # a hung window (a dialog waiting for a click) must not hang CI


def _programs(folder: Path) -> tuple[Path, Path, Path]:
    suffix = ".exe" if os.name == "nt" else ""
    cli, desk = folder / f"annotator{suffix}", folder / f"annotator-desk{suffix}"
    # Beside the programs (Linux, Windows), or PyInstaller's data in ../Resources (macOS .app).
    samples = next((p for p in (folder / "samples", folder.parent / "Resources" / "samples")
                    if p.is_dir()), None)
    if not (cli.exists() and desk.exists() and samples):
        raise SystemExit(f"smoke_app: {folder} holds no built app (python scripts/build_app.py)")
    return cli, desk, samples


def _step(name: str, args: list[str | Path], cwd: Path, env: dict[str, str]) -> str:
    started = time.monotonic()
    result = subprocess.run([str(a) for a in args], cwd=cwd, env=env, capture_output=True,
                            text=True, encoding="utf-8", errors="replace", timeout=TIMEOUT)
    took = time.monotonic() - started
    status = "ok" if result.returncode == 0 else f"FAILED (exit {result.returncode})"
    print(f"{name:<28} {took:6.1f} s  {status}", flush=True)
    if result.returncode != 0:
        print(result.stdout, result.stderr, sep="\n", file=sys.stderr)
        raise SystemExit(1)
    return result.stdout


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    folder = Path(argv[0]) if argv else ROOT / "dist" / "app" / "annotator"
    cli, desk, samples = _programs(folder.resolve())
    work = Path(tempfile.mkdtemp(prefix="annotator-smoke-"))
    # A user's machine: no Python paths, no display; settings and logs in the temp folder.
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    env.update(QT_QPA_PLATFORM="offscreen", HOME=str(work), XDG_CONFIG_HOME=str(work / "config"),
               XDG_CACHE_HOME=str(work / "cache"), XDG_STATE_HOME=str(work / "state"),
               XDG_DATA_HOME=str(work / "data"), APPDATA=str(work / "appdata"),
               LOCALAPPDATA=str(work / "localappdata"))
    project = work / "samples.annot"
    count = sum(1 for p in samples.iterdir() if p.name[:2].isdigit())

    _step("init + codebook", [cli, "init", project, "--codebook", "regional-innovation"],
          work, env)
    _step("codebook import", [cli, "codebook", "import", project, "policy-instruments"],
          work, env)
    out = _step("import samples", [cli, "import", project, samples], work, env)
    if f"{count} imported, 0 duplicate, 0 failed" not in out:
        print(out, file=sys.stderr)
        raise SystemExit(f"smoke_app: not all {count} sample articles imported")
    _step("export xlsx (command)", [cli, "export", project, work / "coded.xlsx"], work, env)

    window_xlsx = work / "window.xlsx"
    # Exit 0 only if the window had the project open and exported it (a windowed .exe has
    # no stdout on Windows, so the files and the exit code tell).
    _step("window: open, export, quit", [desk, project],
          work, {**env, "ANNOTATOR_SMOKE_EXPORT": str(window_xlsx)})
    if not (window_xlsx.exists() and window_xlsx.with_suffix(".png").exists()):
        raise SystemExit("smoke_app: the window did not export the project")
    print(f"smoke_app: ok; {folder}; files in {work} (window.png is the window)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
