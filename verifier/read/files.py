"""Finding article files and decoding their bytes: every path that cannot be used is one line."""
from __future__ import annotations

import codecs
import errno
import os
import stat
from pathlib import Path

ARTICLE_SUFFIXES = {".txt", ".md", ".markdown", ".html", ".htm"}
# Articles are tens of kilobytes; the longest documents checked run to a few megabytes.
# A bigger file is a dump or a mistake, named rather than read into memory.
MAX_BYTES = 10_000_000
# Byte-order marks of the wide encodings; UTF-32's first, as its little-endian mark
# begins with UTF-16's.
WIDE_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
             (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


class InputError(Exception):
    """A file or path that cannot be read as an article; the message names it."""


def find_articles(paths: list[Path]) -> tuple[list[Path], list[str]]:
    """Expand files and directories into article files; return (files, errors).

    A file named on the command line must be an article (.txt, .md); in a folder, other
    files are skipped. Every path that cannot be used is one line in errors."""
    files: list[Path] = []
    errors: list[str] = []
    for path in paths:
        try:
            info = path.stat()
        except OSError as exc:
            errors.append(f"{path}: {_unreachable(path, exc)}")
            continue
        if stat.S_ISDIR(info.st_mode):
            problems = len(errors)
            found = _walk(path, errors)
            if not found and len(errors) == problems:
                errors.append(f"{path}: no articles (.txt, .md or .html files) in this folder")
            files += found
        elif path.suffix.lower() not in ARTICLE_SUFFIXES:
            errors.append(f"{path}: not an article: only .txt, .md and .html files are checked")
        else:
            files.append(path)
    return files, errors


def _walk(top: Path, errors: list[str]) -> list[Path]:
    """The articles under `top`, depth first in name order, hidden entries left out.
    Links to folders are followed, once each; a link back into a folder being walked is
    a loop, reported, not followed."""
    files: list[Path] = []
    walked: set[tuple[int, int]] = set()
    stack: list[tuple[Path, frozenset]] = [(top, frozenset())]
    while stack:
        folder, ancestors = stack.pop()
        try:
            info = folder.stat()
            with os.scandir(folder) as listing:
                entries = sorted(listing, key=lambda entry: entry.name)
        except OSError as exc:
            errors.append(f"{folder}: cannot read folder ({exc.strerror or exc})")
            continue
        walked.add(here := (info.st_dev, info.st_ino))
        ancestors |= {here}
        subfolders = []
        for entry in entries:
            if entry.name.startswith("."):
                continue
            path = Path(entry.path)
            is_article = path.suffix.lower() in ARTICLE_SUFFIXES
            try:
                if not entry.is_dir():
                    if is_article:
                        files.append(path)  # broken links and other unreadable files are named when read
                    elif entry.is_symlink() and not path.suffix and not os.path.exists(path):
                        # Named like neither an article nor another file: it may have been a folder of them.
                        errors.append(f"{path}: broken symbolic link ({_target(path)})")
                    continue
                target = entry.stat()
            except OSError as exc:  # a link loop, or a link into a folder we may not enter
                if is_article or not path.suffix:
                    errors.append(f"{path}: {_unreachable(path, exc)}")
                continue
            key = (target.st_dev, target.st_ino)
            if key in ancestors:
                errors.append(f"{path}: symbolic link loop (leads back to a folder that contains it)")
            elif key not in walked:
                subfolders.append(path)
        stack += [(subfolder, ancestors) for subfolder in reversed(subfolders)]
    return files


def _unreachable(path: Path, exc: OSError) -> str:
    """Why a path cannot be opened, in an editor's words."""
    if exc.errno == errno.ELOOP:
        return "symbolic link loop"
    if exc.errno in (errno.ENOENT, errno.ENOTDIR) and os.path.islink(path):
        return f"broken symbolic link ({_target(path)})"
    if exc.errno == errno.ENOENT:
        return "no such file or directory"
    return f"cannot read ({exc.strerror or exc})"


def _target(link: Path) -> str:
    try:
        return f"to '{os.readlink(link)}', which does not exist"
    except OSError:
        return "its target does not exist"


def read_bytes(path: Path) -> bytes:
    """The bytes of a regular file of at most MAX_BYTES; anything else is an InputError."""
    try:
        # Non-blocking: a named pipe called "x.md" must not hang the run waiting for a writer.
        handle = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError as exc:
        raise InputError(f"{path}: {_unreachable(path, exc)}") from exc
    with os.fdopen(handle, "rb") as file:
        info = os.fstat(file.fileno())
        if not stat.S_ISREG(info.st_mode):
            raise InputError(f"{path}: not a regular file")
        # The size is checked before reading, so a huge file never reaches memory; the
        # bounded read catches one that grows meanwhile.
        try:
            raw = b"" if info.st_size > MAX_BYTES else file.read(MAX_BYTES + 1)
        except OSError as exc:
            raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from exc
    if info.st_size > MAX_BYTES or len(raw) > MAX_BYTES:
        size = max(info.st_size, len(raw))
        raise InputError(f"{path}: too large for an article ({size / 1e6:.1f} MB; the limit is "
                         f"{MAX_BYTES / 1e6:.0f} MB); not read")
    return raw


def decode(path: Path, raw: bytes) -> str:
    """Text is UTF-8, or UTF-16/32 with a byte-order mark (which names it unambiguously).
    Other encodings are refused, not guessed: a wrong guess changes the numbers silently."""
    wide = next((codec for bom, codec in WIDE_BOMS if raw.startswith(bom)), None)
    if wide:
        try:
            text = raw.decode(wide)  # the codec reads the mark and drops it
        except UnicodeDecodeError as exc:
            raise InputError(f"{path}: not valid {wide.upper()} text despite its byte-order mark (invalid data at "
                             f"offset {exc.start}); save it as UTF-8") from exc
        if "\x00" in text:
            raise InputError(f"{path}: binary file, not text")
        return text
    if b"\x00" in raw:  # never in text; in nearly every binary format
        raise InputError(f"{path}: binary file, not text")
    mark = len(codecs.BOM_UTF8) if raw.startswith(codecs.BOM_UTF8) else 0
    try:
        return raw[mark:].decode("utf-8")
    except UnicodeDecodeError as exc:
        offset = mark + exc.start
        line = raw.count(b"\n", 0, offset) + 1
        raise InputError(f"{path}: not UTF-8 text (invalid byte 0x{raw[offset]:02x} at offset {offset}, line {line}); "
                         "save it as UTF-8") from exc
