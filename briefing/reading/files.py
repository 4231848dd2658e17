"""The one bounded file reader. Every file the tool reads that someone else could have put in its
way goes through `read`: articles, a briefing folder's briefing.yml, the overrides files, the
output folder's manifest and pages (store/output.py), and the parts of a cache key read from them.

One policy for all of them:
  - never through a symbolic link: the file itself must not be a link (O_NOFOLLOW; the caller
    checks the folders on the way where it matters, as output.py does for the output folder);
  - a regular file only: a directory, pipe, device or socket is refused, without blocking on it
    (O_NONBLOCK: a pipe named like an article never hangs a build);
  - at most `limit` bytes: a file whose size is over it is not read at all, and the limit applies
    to the bytes actually read too (st_size can lie: a /proc file says 0).
The outcome is data, or a refusal with its reason; each caller words the message for its user.
"""
from __future__ import annotations

import errno
import os
import stat
from dataclasses import dataclass
from pathlib import Path

LINK, SPECIAL, LARGE, UNREADABLE = "a symbolic link", "not a regular file", "over the limit", "unreadable"
FLAGS = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)


@dataclass(frozen=True)
class Read:
    data: bytes | None  # None when refused
    refused: str | None = None  # LINK, SPECIAL, LARGE or UNREADABLE
    detail: str = ""  # the system's words for UNREADABLE (and LINK)
    size: int | None = None  # for LARGE: the size the file reports, when that alone is over the limit
    mtime_ns: int | None = None  # for LARGE: when it changed (a cache key's part for a file not read)


def read(path: Path | str, limit: int) -> Read:
    """At most `limit` bytes of a regular file, never through a symbolic link (the module's policy)."""
    try:
        fd = os.open(path, FLAGS)
    except OSError as exc:
        link = exc.errno in (errno.ELOOP, errno.EMLINK) and os.path.islink(path)  # O_NOFOLLOW refused a link
        return Read(None, LINK if link else UNREADABLE, exc.strerror or str(exc))
    try:
        info = os.fstat(fd)  # before fdopen, which refuses a folder with an error of its own
        if not stat.S_ISREG(info.st_mode):
            return Read(None, SPECIAL)
        if info.st_size > limit:
            return Read(None, LARGE, size=info.st_size, mtime_ns=info.st_mtime_ns)
        with os.fdopen(fd, "rb", closefd=False) as fh:
            data = fh.read(limit + 1)
    except OSError as exc:
        return Read(None, UNREADABLE, exc.strerror or str(exc))
    finally:
        os.close(fd)
    if len(data) > limit:
        return Read(None, LARGE)
    return Read(data)


def key_part(path: Path, limit: int) -> bytes:
    """What a cache key holds for a file: its bytes when `read` gives them, else what stands for its
    state (where a link points, never followed; the size and time of a file too large to read)."""
    if not os.path.lexists(path):
        return b""
    got = read(path, limit)
    if got.data is not None:
        return got.data
    if got.refused == LINK:
        try:
            return b"link:" + os.fsencode(os.readlink(path))
        except OSError:
            return b"link"
    if got.refused == LARGE:
        return f"too large: {got.size} {got.mtime_ns}".encode()
    return f"{got.refused}: {got.detail}".encode()
