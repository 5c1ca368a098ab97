"""Build the self-contained desktop app for the OS this runs on: ``python scripts/build_app.py``.

Installs annotator (from this checkout, not editable) and PyInstaller into a build venv
(build/app-venv), then runs packaging/annotator.spec. The result needs no Python on the user's
machine:

- Linux:   dist/app/annotator/annotator-desk (window), dist/app/annotator/annotator (commands)
- Windows: dist\\app\\annotator\\annotator-desk.exe (double-click), annotator.exe (commands)
- macOS:   dist/app/Annotator.app (double-click; Contents/MacOS/annotator for commands)

Check a Linux build with ``python scripts/smoke_app.py``. Options: ``--venv DIR`` (another
build venv), ``--no-install`` (reuse the venv as it is).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "packaging" / "annotator.spec"
DIST = ROOT / "dist" / "app"
WORK = ROOT / "build" / "pyinstaller"


def venv_python(folder: Path) -> Path:
    return folder / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def folder_size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file() and not f.is_symlink())


def run(args: list[str | Path], **kwargs: object) -> None:
    print("+", " ".join(str(a) for a in args), flush=True)
    subprocess.run([str(a) for a in args], check=True, **kwargs)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--venv", type=Path, default=ROOT / "build" / "app-venv")
    parser.add_argument("--no-install", action="store_true", help="reuse the build venv")
    args = parser.parse_args(argv)
    started = time.monotonic()

    python = venv_python(args.venv)
    if not args.no_install:
        if not python.exists():
            venv.EnvBuilder(with_pip=True).create(args.venv)
        run([python, "-m", "pip", "install", "-q", "--upgrade", "pip"])
        run([python, "-m", "pip", "install", "-q", f"{ROOT}[app]"])
    installed = time.monotonic()

    # From outside the checkout: run from its root, `import annotator` would find the source
    # folder (without the codebooks the wheel puts inside the package) before the install.
    WORK.mkdir(parents=True, exist_ok=True)
    run([python, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
         "--distpath", DIST, "--workpath", WORK, SPEC], cwd=WORK)
    built = time.monotonic()

    app = DIST / ("Annotator.app" if sys.platform == "darwin" else "annotator")
    if not app.exists():
        print(f"build_app: {app} was not made", file=sys.stderr)
        return 1
    if sys.platform != "darwin":
        # The sample articles beside the programs, where a user finds them (File ▸ Import);
        # PyInstaller keeps its own copy in _internal/.
        shutil.copytree(ROOT / "samples", app / "samples", dirs_exist_ok=True)
    print(f"built {app}: {folder_size(app) / 2**20:.0f} MB; "
          f"install {installed - started:.0f} s, PyInstaller {built - installed:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
