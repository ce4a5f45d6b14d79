"""Rebuild files as a power cut would leave them, from an iotrace log (see iotrace.c).

The model of power loss is the pessimistic one of ALICE (Pillai et al., OSDI
2014) without reordering: a file's content survives only as far as its last
fsync/fdatasync (writes and truncations after it are lost), and a name created,
deleted or renamed in the folder survives only once the folder itself was synced
(until then the old name, with its synced content, is what a reboot finds).

A *cut* is a moment the power may fail: just before each sync, and after the
last recorded call (nothing becomes durable between two syncs, so these are the
worst moments). For each cut, :func:`cuts` yields the surviving content of every
file and the records written before it to the ``acks`` file, which the workload
writes after each action it has been told is saved.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

ACKS = "acks"


@dataclass(frozen=True)
class Op:
    """One logged call: kind W/T/S/C/R/U, the file name, and its details."""

    kind: str
    name: str
    offset: int = 0
    data: bytes = b""
    new_name: str = ""


def parse(log: bytes) -> list[Op]:
    """The calls of an iotrace log, in order."""
    ops, position = [], 0
    while position < len(log):
        end = log.index(b"\n", position)
        fields = log[position:end].decode("utf-8").split("\t")
        position = end + 1
        kind = fields[0]
        if kind == "W":
            length = int(fields[3])
            data = log[position : position + length]
            position += length
            ops.append(Op("W", fields[1], int(fields[2]), data))
        elif kind == "T":
            ops.append(Op("T", fields[1], int(fields[2])))
        elif kind == "R":
            ops.append(Op("R", fields[1], new_name=fields[2]))
        elif kind in ("S", "C", "U"):
            ops.append(Op(kind, fields[1]))
        else:
            raise ValueError(f"iotrace log: unknown record {kind!r} at byte {position}")
    return ops


@dataclass
class Cut:
    """The files as they survive a power cut at one moment, and the actions acknowledged."""

    index: int  # the number of logged calls that happened before the cut
    files: dict[str, bytes]
    acked: list[str]


@dataclass
class _File:
    current: bytearray  # every call applied
    synced: bytes = b""  # as of the file's last sync


FOLDER = "."


@dataclass
class _Files:
    names: dict[str, _File] = field(default_factory=dict)  # the folder now
    durable_names: dict[str, _File] = field(default_factory=dict)  # as of its last sync

    def apply(self, op: Op) -> None:
        if op.kind == "C":
            self.names.setdefault(op.name, _File(bytearray()))
        elif op.kind == "W":
            content = self._file(op.name).current
            if len(content) < op.offset:
                content.extend(bytes(op.offset - len(content)))
            content[op.offset : op.offset + len(op.data)] = op.data
        elif op.kind == "T":
            content = self._file(op.name).current
            del content[op.offset :]
            content.extend(bytes(op.offset - len(content)))
        elif op.kind == "S" and op.name == FOLDER:
            self.durable_names = dict(self.names)
        elif op.kind == "S":
            file = self._file(op.name)
            file.synced = bytes(file.current)
        elif op.kind == "U":
            self.names.pop(op.name, None)
        elif op.kind == "R":
            moved = self.names.pop(op.name, None) if op.name != "-" else None
            if moved is not None and op.new_name != "-":
                self.names[op.new_name] = moved

    def _file(self, name: str) -> _File:
        return self.names.setdefault(name, _File(bytearray()))

    def surviving(self) -> dict[str, bytes]:
        return {n: f.synced for n, f in self.durable_names.items() if n != ACKS}


def cuts(ops: list[Op], initial: dict[str, bytes]) -> Iterator[Cut]:
    """Every moment the power may fail, with the files as they would survive it."""
    start = {name: _File(bytearray(content), content) for name, content in initial.items()}
    files = _Files(dict(start), dict(start))
    acked: list[str] = []
    for index, op in enumerate(ops):
        if op.kind == "S" and op.name != ACKS:
            yield Cut(index, files.surviving(), list(acked))
        if op.kind == "W" and op.name == ACKS:
            acked += op.data.decode("ascii").split()
            continue
        files.apply(op)
    yield Cut(len(ops), files.surviving(), list(acked))


def write_files(cut: Cut, folder: Path) -> None:
    """Lay the surviving files of ``cut`` out in ``folder`` (as found after reboot)."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, content in cut.files.items():
        (folder / name).write_bytes(content)
