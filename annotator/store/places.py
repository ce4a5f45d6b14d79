"""Where a project file lives, and what that allows: writing, WAL, or only reading.

SQLite's WAL mode keeps its index in shared memory (the ``-shm`` file, mapped by
every process), so every process using a WAL file must run on one computer; on a
network file system two computers would each map their own copy and corrupt the
file silently. A project on such a file system is therefore opened *exclusively*
(one process at a time, a rollback journal instead of WAL; see
connection.connect), and the user is pointed at the copy-and-merge workflow.

A project that cannot be written (a read-only file, folder or mount, a full disk)
is opened read-only: reading must work wherever the file is.

Network detection:

* Linux: ``statfs(2)``'s ``f_type`` magic number (NFS, SMB/CIFS, 9p, AFS, Ceph,
  Lustre, GlusterFS via FUSE...). FUSE is a kernel interface, not a place: a
  FUSE mount counts as network when ``/proc/self/mountinfo`` names a network
  file system as its subtype (``fuse.sshfs``, ``fuse.rclone``...).
* Windows: ``GetDriveTypeW`` of the path's drive is ``DRIVE_REMOTE`` (mapped
  network drives), or the path is a UNC path (``\\\\server\\share``).
* macOS: ``statfs(2)``'s ``f_fstypename`` (``nfs``, ``smbfs``, ``afpfs``,
  ``webdav``...).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import functools
import os
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

# statfs f_type values of network file systems (linux/magic.h and the file systems' sources).
LINUX_NETWORK_MAGIC = {
    0x6969: "nfs",
    0x517B: "smb",
    0xFF534D42: "cifs",
    0xFE534D42: "smb2",
    0x01021997: "9p",
    0x5346414F: "afs",
    0x6B414653: "afs",
    0x73757245: "coda",
    0x564C: "ncp",
    0x00C36400: "ceph",
    0x0BD00BD0: "lustre",
    0x19830326: "fhgfs",
    0x47504653: "gpfs",
    0x013111A8: "ibrix",
}
LINUX_FUSE_MAGIC = 0x65735546
# FUSE subtypes (mountinfo's "fuse.NAME") that reach another computer.
NETWORK_FUSE = {"sshfs", "rclone", "s3fs", "gcsfuse", "davfs", "curlftpfs", "glusterfs",
                "cephfs", "smbnetfs", "goofys", "juicefs", "blobfuse", "blobfuse2"}  # fmt: skip
# macOS statfs f_fstypename values of network file systems.
MACOS_NETWORK = {"nfs", "smbfs", "afpfs", "webdav", "cifs", "ftp", "osxfusefs", "macfuse"}
_DRIVE_REMOTE = 4  # GetDriveTypeW
# Below this much free space a project opens read-only: SQLite needs room for the
# WAL, its index and the backup taken on opening, and a failed write mid-action
# would only be rolled back.
MIN_FREE_BYTES = 1 << 20


@dataclass(frozen=True)
class Place:
    """What the folder of a project allows.

    ``read_only_reason`` says why nothing may be written there (None: writing is
    possible); ``network`` names a network file system's type (None: local).
    """

    read_only_reason: str | None = None
    network: str | None = None
    # True when SQLite may create files beside the project (-wal, -shm, -journal).
    folder_writable: bool = True


def examine(path: Path) -> Place:
    """The place of the existing project file ``path``."""
    folder = path.absolute().parent
    network = network_filesystem(folder)
    reason = folder_read_only_reason(folder)
    if reason is not None:
        return Place(reason, network, folder_writable=False)
    if not os.access(path, os.W_OK):
        return Place("the file is read-only", network)
    free = free_bytes(folder)
    if free is not None and free < MIN_FREE_BYTES:
        return Place(
            f"the disk is full ({free // 1024} KB free); free some space and open it again "
            "to edit",
            network,
        )
    return Place(None, network)


def folder_read_only_reason(folder: Path) -> str | None:
    """Why no file can be written in ``folder`` (None: files can be written there)."""
    if _read_only_mount(folder):
        return "it is on a read-only disk or mount"
    if not os.access(folder, os.W_OK):
        return "its folder is read-only (SQLite needs to write files beside it)"
    return None


def free_bytes(folder: Path) -> int | None:
    """Free space for this user in ``folder``'s file system (None when unknown)."""
    try:
        return shutil.disk_usage(folder).free
    except OSError:
        return None


def _read_only_mount(folder: Path) -> bool:
    statvfs = getattr(os, "statvfs", None)
    if statvfs is None:  # Windows: a read-only medium shows up as a failed os.access
        return False
    try:
        return bool(statvfs(folder).f_flag & os.ST_RDONLY)
    except OSError:
        return False


def network_filesystem(folder: Path) -> str | None:
    """The type name of the network file system holding ``folder``, None if it is local."""
    try:
        if sys.platform.startswith("linux"):
            return _linux_network(folder)
        if sys.platform == "win32":
            return _windows_network(folder)
        if sys.platform == "darwin":
            name = macos_fstypename(folder)
            return name if name in MACOS_NETWORK else None
    except OSError:
        return None
    return None


def _linux_network(folder: Path) -> str | None:
    magic = linux_fs_magic(folder)
    if magic in LINUX_NETWORK_MAGIC:
        return LINUX_NETWORK_MAGIC[magic]
    if magic == LINUX_FUSE_MAGIC:
        subtype = fuse_subtype(folder)
        if subtype in NETWORK_FUSE:
            return f"fuse.{subtype}"
    return None


class _LinuxStatfs(ctypes.Structure):
    # Only f_type is read; it is the first field (a long) on every Linux ABI.
    _fields_ = [("f_type", ctypes.c_long), ("_rest", ctypes.c_byte * 256)]


@functools.cache
def _libc() -> ctypes.CDLL:
    # find_library may run a program (ldconfig): once per process is enough.
    return ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True)


def linux_fs_magic(folder: Path) -> int | None:
    """statfs(2)'s f_type of ``folder`` (Python's os.statvfs does not give it)."""
    libc = _libc()
    buffer = _LinuxStatfs()
    if libc.statfs(os.fsencode(folder), ctypes.byref(buffer)) != 0:
        return None
    return buffer.f_type & 0xFFFFFFFF


def fuse_subtype(folder: Path, mountinfo: str = "/proc/self/mountinfo") -> str | None:
    """The FUSE subtype (``sshfs`` of ``fuse.sshfs``) of the mount holding ``folder``."""
    best, subtype = "", None
    target = str(folder.resolve())
    with open(mountinfo, encoding="utf-8", errors="replace") as lines:
        for line in lines:
            fields = line.split()
            if " - " not in line or len(fields) < 5:
                continue
            mount_point = fields[4].replace("\\040", " ")
            fs_type = line.split(" - ", 1)[1].split()[0]
            inside = target == mount_point or target.startswith(mount_point.rstrip("/") + "/")
            if inside and len(mount_point) >= len(best):
                best = mount_point
                subtype = fs_type.split(".", 1)[1] if fs_type.startswith("fuse.") else None
    return subtype


def _windows_network(folder: Path) -> str | None:
    text = str(folder.absolute())
    if text.startswith("\\\\") and not text.startswith("\\\\?\\"):
        return "network share"
    drive = os.path.splitdrive(text)[0]
    kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
    if drive and kernel32.GetDriveTypeW(drive + "\\") == _DRIVE_REMOTE:
        return "network drive"
    return None


class _MacStatfs(ctypes.Structure):
    # struct statfs of macOS (64-bit inode layout), up to f_fstypename.
    _fields_ = [
        ("f_bsize", ctypes.c_uint32), ("f_iosize", ctypes.c_int32),
        ("f_blocks", ctypes.c_uint64), ("f_bfree", ctypes.c_uint64),
        ("f_bavail", ctypes.c_uint64), ("f_files", ctypes.c_uint64),
        ("f_ffree", ctypes.c_uint64), ("f_fsid", ctypes.c_int32 * 2),
        ("f_owner", ctypes.c_uint32), ("f_type", ctypes.c_uint32),
        ("f_flags", ctypes.c_uint32), ("f_fssubtype", ctypes.c_uint32),
        ("f_fstypename", ctypes.c_char * 16), ("_rest", ctypes.c_byte * 2048),
    ]  # fmt: skip


def macos_fstypename(folder: Path) -> str | None:
    """statfs(2)'s f_fstypename of ``folder`` on macOS (``apfs``, ``nfs``, ``smbfs``...)."""
    libc = _libc()
    try:  # Intel Macs export the 64-bit-inode layout under this name
        statfs = libc["statfs$INODE64"]
    except AttributeError:
        statfs = libc.statfs
    buffer = _MacStatfs()
    if statfs(os.fsencode(folder), ctypes.byref(buffer)) != 0:
        return None
    return buffer.f_fstypename.decode("ascii", "replace")
