"""Where a project file lives: a local disk, a network share, or a cloud-synced folder.

SQLite's WAL needs shared memory that network file systems do not provide, and sync clients
(OneDrive, 百度网盘, Dropbox, 坚果云 …) upload ``.annot``, ``-wal`` and ``-shm`` one by one, so a
project opened from such a place is kept in the rollback journal (no side files between
actions) and the user is warned that two machines must not open it at once.
"""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

# Folder names sync clients create (compared case-insensitively with each part of the path).
CLOUD_FOLDERS = {
    "onedrive": "OneDrive", "dropbox": "Dropbox", "google drive": "Google Drive",
    "googledrive": "Google Drive", "my drive": "Google Drive", "icloud drive": "iCloud",
    "icloud": "iCloud", "mobile documents": "iCloud", "cloudstorage": "cloud storage",
    "baidunetdisk": "百度网盘", "百度网盘": "百度网盘", "baiduyun": "百度网盘",
    "百度云": "百度网盘",
    "nutstore": "坚果云", "坚果云": "坚果云", "我的坚果云": "坚果云", "wps云盘": "WPS 云盘",
    "wpsdrive": "WPS 云盘", "weiyun": "腾讯微云", "微云": "腾讯微云", "aliyundrive": "阿里云盘",
    "阿里云盘": "阿里云盘", "box": "Box", "box sync": "Box", "nextcloud": "Nextcloud",
    "owncloud": "ownCloud", "seafile": "Seafile", "sync.com": "Sync.com", "pcloud drive": "pCloud",
}
# Mount types that live on another machine.
NETWORK_FS = {
    "nfs", "nfs4", "cifs", "smb", "smb2", "smb3", "smbfs", "afpfs", "webdav", "davfs",
    "fuse.davfs2", "sshfs", "fuse.sshfs", "9p", "afs", "ceph", "glusterfs", "fuse.glusterfs",
    "fuse.rclone", "lustre", "gpfs", "beegfs", "ncpfs", "coda", "fuse.s3fs", "fuse.gcsfuse",
}


@dataclass(frozen=True)
class Place:
    kind: str  # "local", "network" or "cloud"
    detail: str = ""  # the share's file system or the sync client's name

    @property
    def shared(self) -> bool:
        return self.kind != "local"


def place_of(path: Path) -> Place:
    """Classify the folder holding ``path``; unknown means local."""
    return _place_of_folder(os.path.dirname(os.path.abspath(path)))


# Opening a project asks twice (the engine's journal, the project's warning), and on macOS
# each answer runs `mount`: one answer per folder for the life of the process.
@lru_cache(maxsize=64)
def _place_of_folder(name: str) -> Place:
    folder = Path(name)
    client = _cloud_client(folder)
    if client:
        return Place("cloud", client)
    fs = _network_fs(folder)
    if fs:
        return Place("network", fs)
    return Place("local")


def _cloud_client(folder: Path) -> str:
    for env in ("OneDrive", "OneDriveConsumer", "OneDriveCommercial"):
        root = os.environ.get(env)
        if root and _is_within(folder, Path(root)):
            return "OneDrive"
    for part in folder.parts:
        name = part.strip().lower()
        if name in CLOUD_FOLDERS:
            return CLOUD_FOLDERS[name]
        # "OneDrive - Contoso", "Dropbox (Personal)", "OneDrive-个人"
        for prefix in ("onedrive", "dropbox", "google drive"):
            if name.startswith((prefix + " ", prefix + "-")):
                return CLOUD_FOLDERS[prefix]
    return ""


def _network_fs(folder: Path) -> str:
    if sys.platform == "win32":
        return _windows_network(folder)
    if sys.platform == "darwin":
        return _mount_table_type(folder, _darwin_mounts())
    return _mount_table_type(folder, _linux_mounts())


def _windows_network(folder: Path) -> str:
    text = str(folder)
    if text.startswith("\\\\") and not text.startswith("\\\\?\\"):
        return "SMB share"
    try:
        import ctypes

        drive = os.path.splitdrive(text)[0] + "\\"
        if ctypes.windll.kernel32.GetDriveTypeW(drive) == 4:  # type: ignore[attr-defined]
            return "network drive"
    except Exception:  # not Windows after all, or no kernel32: treat as local
        return ""
    return ""


def _linux_mounts() -> list[tuple[str, str]]:
    """(mount point, file system type) from /proc/self/mounts."""
    try:
        lines = Path("/proc/self/mounts").read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return []
    mounts = []
    for line in lines:
        fields = line.split()
        if len(fields) >= 3:
            point = fields[1].replace("\\040", " ").replace("\\011", "\t").replace("\\134", "\\")
            mounts.append((point, fields[2]))
    return mounts


def _darwin_mounts() -> list[tuple[str, str]]:
    """(mount point, type) from `mount`: "//u@host/share on /Volumes/share (smbfs, ...)"."""
    try:
        out = subprocess.run(["mount"], capture_output=True, text=True, timeout=5).stdout
    except (OSError, subprocess.SubprocessError):
        return []
    mounts = []
    for line in out.splitlines():
        if " on " in line and " (" in line:
            point = line.split(" on ", 1)[1].rsplit(" (", 1)
            mounts.append((point[0], point[1].split(",", 1)[0].strip(") ")))
    return mounts


def _mount_table_type(folder: Path, mounts: list[tuple[str, str]]) -> str:
    best, best_type = "", ""
    for point, fs in mounts:
        if _is_within(folder, Path(point)) and len(point) > len(best):
            best, best_type = point, fs
    return best_type if best_type.lower() in NETWORK_FS else ""


def _is_within(folder: Path, root: Path) -> bool:
    try:
        folder.relative_to(root)
    except ValueError:
        return False
    return True
