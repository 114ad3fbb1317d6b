"""Errors that carry a message meant for the analyst, not a traceback."""

from __future__ import annotations

import errno


class InputError(ValueError):
    """Bad input (file, date, manifest row): the message says what is wrong and what to do."""


class OutputError(RuntimeError):
    """The output folder cannot be used (a file, read-only, full, held by another run): says what to do."""


class StepError(RuntimeError):
    """A notebook step failed; the message names the step and the reason."""


# What to do about the usual reasons a file cannot be written.
_ADVICE = {
    errno.ENOSPC: "the disk is full; free some space and run again",
    errno.EDQUOT: "the disk quota is used up; free some space and run again",
    errno.EROFS: "read-only file system; choose an output folder on a writable disk",
    errno.EACCES: "permission denied; choose an output folder you can write to",
    errno.EPERM: "operation not permitted; choose an output folder you can write to",
    errno.ENOTDIR: "a part of the path is a file, not a folder; choose another output folder",
    errno.EEXIST: "a file of that name is in the way; choose another output folder",
}


def os_error_message(err: OSError) -> str:
    """One line for a failed file operation: the file, the reason, what to do."""
    reason = _ADVICE.get(err.errno or 0) or f"{err.strerror or err}"
    return f"{err.filename}: {reason}" if err.filename is not None else reason
