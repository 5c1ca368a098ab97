#!/usr/bin/env bash
# Shared set-up for scripts/run.sh and scripts/test.sh: a venv in .venv with annotator
# installed, plus (as root on Debian) the system packages Qt and Chinese text need.
set -euo pipefail
cd "$(dirname "$0")/.."

PY=${PYTHON:-python3}
apt_install() {
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive \
            apt-get install -y -qq --no-install-recommends "$@" >/dev/null
    else
        echo "annotator set-up: please install: $*  (e.g. sudo apt-get install $*)" >&2
    fi
}

# A CJK font, or Chinese renders as boxes; Qt's own runtime libraries.
if ! fc-list :lang=zh 2>/dev/null | grep -q .; then
    apt_install fontconfig fonts-wqy-microhei
fi
if ! ldconfig -p 2>/dev/null | grep -q 'libEGL.so.1'; then
    apt_install libegl1 libgl1 libxkbcommon0 libfontconfig1 libdbus-1-3
fi

if [ ! -x .venv/bin/python ]; then
    if ! "$PY" -m venv .venv 2>/dev/null; then
        rm -rf .venv
        apt_install python3-venv
        "$PY" -m venv .venv
    fi
fi
.venv/bin/python -m pip install -q --upgrade pip >/dev/null 2>&1 || true
.venv/bin/python -m pip install -q -e ".[test]"
