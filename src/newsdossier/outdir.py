"""Output folders: checked before anything is written, locked while a run writes, never taking a user's file.

A run folder holds only its own outputs. Its lock file (`.newsdossier.lock`, with the pid of the run
holding it) stays after the run and marks the folder as newsdossier's, so a later run may replace the
outputs in it; in any other folder a file that bears an output's name is the user's, and is refused.
The lock itself is an advisory `flock` on that file: the kernel releases it when its process dies, so a
lock left by a killed run is taken over, and a live run's lock is never broken.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import logging
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from newsdossier.errors import InputError, OutputError, os_error_message

log = logging.getLogger(__name__)
LOCK = ".newsdossier.lock"


def check_dir(out_dir: Path) -> None:
    """Refuse an output folder that is a file or lies under a file, before anything is made."""
    out_dir = Path(out_dir)
    if out_dir.exists() and not out_dir.is_dir():
        raise OutputError(f"the output folder {out_dir} is a file; give a folder (a new one or a run folder)")
    for parent in out_dir.parents:
        if parent.exists():
            if not parent.is_dir():
                raise OutputError(
                    f"the output folder {out_dir} cannot be made: {parent} is a file; choose another folder"
                )
            break


def make_dir(out_dir: Path) -> Path:
    """Make the output folder (and its parents), with a one-line error when that is not possible."""
    out_dir = Path(out_dir)
    check_dir(out_dir)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise OutputError(os_error_message(err)) from err
    return out_dir


def refuse_inputs_among_outputs(inputs: Iterable[Path], out_dir: Path, outputs: Iterable[str]) -> None:
    """An input that is one of the files the run will write would be destroyed: refuse it."""
    targets: dict[Path, str] = {}
    for name in outputs:  # the output's path as written, and where it leads (links included)
        for where in (Path(os.path.abspath(Path(out_dir) / name)), (Path(out_dir) / name).resolve()):
            targets[where] = name
    for path in inputs:
        name = targets.get(Path(os.path.abspath(path))) or targets.get(Path(path).resolve())
        if name:
            raise InputError(
                f"{path}: the input is the run folder's output {name}, which the run would overwrite; "
                "move it out of the folder (or rename it) or choose another --out"
            )


def _written_by_newsdossier(out_dir: Path) -> bool:
    """A folder with the lock file, or with the article.json of a run from before the lock existed."""
    if (out_dir / LOCK).exists():
        return True
    try:
        data = json.loads((out_dir / "article.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return isinstance(data, dict) and {"name", "path", "text", "format"} <= data.keys()


def refuse_foreign_files(out_dir: Path, outputs: Iterable[str]) -> None:
    """In a folder newsdossier did not write, files bearing an output's name are the user's: refuse."""
    out_dir = Path(out_dir)
    if not out_dir.is_dir() or _written_by_newsdossier(out_dir):
        return
    taken = sorted(name for name in outputs if (out_dir / name).exists())
    if taken:
        raise OutputError(
            f"{out_dir} is not a newsdossier run folder and already holds {', '.join(taken)}; "
            "choose a new --out folder (nothing was written)"
        )


def _pid_in(fd: int) -> str:
    os.lseek(fd, 0, os.SEEK_SET)
    return os.read(fd, 64).decode("ascii", "replace").strip() or "unknown"


@contextlib.contextmanager
def locked(out_dir: Path) -> Iterator[Path]:
    """Hold the folder's lock while the body writes into it; refuse if another live process holds it."""
    path = Path(out_dir) / LOCK
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)  # not inherited by kernels (O_CLOEXEC)
    except OSError as err:
        raise OutputError(os_error_message(err)) from err
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise OutputError(
                f"{out_dir}: another newsdossier run (pid {_pid_in(fd)}) is writing into this folder; "
                "wait for it to finish or choose another --out"
            ) from None
        previous = _pid_in(fd)
        if previous not in ("unknown", str(os.getpid())):
            log.info("taking over the lock of %s left by process %s, which has ended", out_dir, previous)
        try:
            os.ftruncate(fd, 0)
            os.pwrite(fd, f"{os.getpid()}\n".encode("ascii"), 0)
        except OSError as err:
            raise OutputError(os_error_message(err)) from err
        yield path
    finally:
        os.close(fd)  # releases the flock; the file stays as the folder's mark
