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
# Qt's X11 plugin (Qt >= 6.5) needs these on a desktop; headless tests do not.
missing_xcb() {
    for lib in libxcb-cursor.so.0 libxcb-icccm.so.4 libxcb-keysyms.so.1 libxcb-shape.so.0 \
        libxcb-render-util.so.0 libxcb-image.so.0 libxkbcommon-x11.so.0; do
        ldconfig -p 2>/dev/null | grep -q "$lib" || return 0
    done
    return 1
}
if [ "${1:-}" = "--desktop" ] && missing_xcb; then
    apt_install libxcb-cursor0 libxkbcommon-x11-0 libxcb-icccm4 libxcb-keysyms1 \
        libxcb-shape0 libxcb-render-util0 libxcb-image0 libxcb-xinerama0
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
