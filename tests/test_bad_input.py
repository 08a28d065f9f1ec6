"""Bad input: every file that cannot be checked is named on one line, the run exits 2,
and every other article is still checked and reported.

The real command runs, in its own process, over a folder that mixes good articles with
each kind of bad file, on the serial path and on the parallel one (workers read the
files themselves there), against a tiny made-up snapshot as in test_cli.
"""
from __future__ import annotations

import ctypes
import json
import os
import signal
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest

from verifier.cli import main
from verifier.pipeline import MIN_ARTICLES_PER_JOB
from verifier.read import MAX_BYTES, InputError, find_articles, read_document


GOOD = "Published: 2025-03-01\n\nKazakhstan's economy grew 5.0% in 2024.\n"
OTHER = "Published: 2025-03-01\n\nUzbekistan's economy grew 6.0% in 2024.\n"
TODAY = date(2026, 11, 25)
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01"


# --- running as someone file permissions apply to ---------------------------------------

PR_CAPBSET_DROP, CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH = 24, 1, 2


def _obey_permissions() -> None:
    """In the child, before exec: root gives up the capabilities that let it read and
    enter anything, so a mode-000 file is refused as it is to any user. (Dropping to
    `nobody` would do too, but the interpreter may live where `nobody` cannot run it.)"""
    libc = ctypes.CDLL(None, use_errno=True)
    for capability in (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH):
        if libc.prctl(PR_CAPBSET_DROP, capability, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP)")


def _permission_setup(tmp_path: Path):
    """The preexec function under which a mode-000 file really cannot be read; skips
    only when running as root without a way to give that up."""
    if os.geteuid() != 0:
        return None
    locked = tmp_path / "probe"
    locked.write_text("x", encoding="utf-8")
    locked.chmod(0)
    try:
        probe = subprocess.run([sys.executable, "-c", f"open({str(locked)!r}).read()"], check=False,
                               preexec_fn=_obey_permissions, capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.SubprocessError):
        probe = None
    locked.unlink()
    if probe is None or "PermissionError" not in probe.stderr:
        pytest.skip("running as root and cannot give up the capability to read any file")
    return _obey_permissions


def verify_process(tmp_path: Path, *args, preexec=None) -> subprocess.CompletedProcess:
    """`verify ARGS` as a command, in its own process group: a run that hangs (on a named
    pipe, say) fails the test, and its workers are killed with it."""
    command = [sys.executable, "-m", "verifier", *map(str, args), "--no-charts", "--today", "2026-11-25"]
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=tmp_path,
                          preexec_fn=preexec, start_new_session=True) as process:  # noqa: PLW1509 (no threads here)
        try:
            out, err = process.communicate(timeout=120)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            raise
    return subprocess.CompletedProcess(command, process.returncode, out, err)


# --- the mixed folder -----------------------------------------------------------------


def bad_input(root: Path) -> tuple[list[Path], dict[Path, str]]:
    """A folder with good articles and every kind of bad file, and bad paths named
    directly: (the paths to pass, {bad path: the problem its line must state})."""
    folder = root / "articles"
    folder.mkdir()
    (folder / "good.md").write_text(GOOD, encoding="utf-8")
    (folder / "empty.md").write_bytes(b"")  # no claims; not an error
    (folder / "utf16.md").write_bytes(OTHER.encode("utf-16"))  # with its byte-order mark
    (folder / "utf32.txt").write_bytes(GOOD.encode("utf-32"))
    prose = " ".join(["the economy of the region kept its pace while exports rose"] * 20_000)
    (folder / "long-line.md").write_text(f"{prose} Kazakhstan's economy grew 5.0% in 2024. {prose}\n", encoding="utf-8")
    for number in range(16):  # with the files above, enough articles for the process pool
        (folder / f"filler-{number:02d}.txt").write_text("No numbers here.\n", encoding="utf-8")
    # Skipped without a word: in a folder, only .md and .txt files are articles.
    (folder / "photo.png").write_bytes(PNG)
    (folder / "table.csv").write_text("country,growth\nKAZ,5.0\n", encoding="utf-8")
    (folder / "notes.docx").write_bytes(b"PK\x03\x04\x14\x00\x06\x00")
    (folder / ".hidden.md").write_bytes(b"\xff\xfe\xff")

    bad: dict[Path, str] = {}
    (folder / "binary.md").write_bytes(PNG)
    bad[folder / "binary.md"] = "binary file, not text"
    windows = "Published: 2025-03-01\n\nKazakhstan\u2019s economy grew 5.0%.\n"  # the apostrophe: 0x92
    (folder / "windows.md").write_bytes(windows.encode("cp1252"))
    bad[folder / "windows.md"] = "not UTF-8 text (invalid byte 0x92 at offset 33, line 3); save it as UTF-8"
    with (folder / "huge.txt").open("wb") as huge:  # 50 MB, sparse: quick to make, and it must not be read
        huge.truncate(50_000_000)
    bad[folder / "huge.txt"] = "too large for an article (50.0 MB; the limit is 10 MB); not read"
    (folder / "locked.md").write_text(GOOD, encoding="utf-8")
    (folder / "locked.md").chmod(0)
    bad[folder / "locked.md"] = "cannot read (Permission denied)"
    (folder / "private").mkdir()
    (folder / "private" / "inside.md").write_text(GOOD, encoding="utf-8")
    (folder / "private").chmod(0)
    bad[folder / "private"] = "cannot read folder (Permission denied)"
    (folder / "broken.md").symlink_to("nowhere.md")
    bad[folder / "broken.md"] = "broken symbolic link (to 'nowhere.md', which does not exist)"
    (folder / "gone-folder").symlink_to("no-such-folder")
    bad[folder / "gone-folder"] = "broken symbolic link (to 'no-such-folder', which does not exist)"
    (folder / "loop.md").symlink_to("loop.md")
    bad[folder / "loop.md"] = "symbolic link loop"
    (folder / "sub").mkdir()
    (folder / "sub" / "nested.md").write_text(OTHER, encoding="utf-8")
    (folder / "sub" / "up").symlink_to("..")  # a walk that followed it blindly would never end
    bad[folder / "sub" / "up"] = "symbolic link loop (leads back to a folder that contains it)"
    os.mkfifo(folder / "pipe.md")  # opening it for reading would wait for a writer forever
    bad[folder / "pipe.md"] = "not a regular file"

    named = root / "named"  # paths given on the command line
    named.mkdir()
    (named / "chart.png").write_bytes(PNG)
    bad[named / "chart.png"] = "not an article: only .txt, .md and .html files are checked"
    (named / "gone.md").symlink_to("missing.md")
    bad[named / "gone.md"] = "broken symbolic link (to 'missing.md', which does not exist)"
    (named / "a").symlink_to("b")
    (named / "b").symlink_to("a")
    bad[named / "a"] = "symbolic link loop"
    bad[named / "nope.md"] = "no such file or directory"
    return [folder, named / "chart.png", named / "gone.md", named / "a", named / "nope.md"], bad


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_each_bad_file_is_one_line_and_every_good_article_is_still_checked(tiny, tmp_path, jobs):
    preexec = _permission_setup(tmp_path)
    paths, bad = bad_input(tmp_path)
    assert len(find_articles(paths)[0]) >= 2 * MIN_ARTICLES_PER_JOB  # --jobs 2 takes the parallel path
    reports, out = tmp_path / "reports", tmp_path / "out.json"
    started = time.perf_counter()
    done = verify_process(tmp_path, *paths, "--data", tiny, "--jobs", jobs, "--reports", reports, "--json", out,
                          preexec=preexec)
    assert time.perf_counter() - started < 60
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr
    lines = done.stderr.splitlines()
    for path, problem in bad.items():
        assert [line for line in lines if line.startswith(f"verify: {path}: ")] == [f"verify: {path}: {problem}"]
    assert len(lines) == len(bad)  # nothing else: skipped files and the empty article say nothing

    payload = json.loads(out.read_text(encoding="utf-8"))
    assert sorted(payload["errors"]) == sorted(f"{path}: {problem}" for path, problem in bad.items())
    claims = {Path(doc["path"]).name: [(c["number_text"], c["verdict"]) for c in doc["claims"]]
              for doc in payload["documents"]}
    assert claims.pop("good.md") == [("5.0%", "accurate")]
    assert claims.pop("utf16.md") == [("6.0%", "accurate")]
    assert claims.pop("utf32.txt") == [("5.0%", "accurate")]
    assert claims.pop("long-line.md") == [("5.0%", "accurate")]
    assert claims.pop("nested.md") == [("6.0%", "accurate")]  # once: the loop is not walked again
    assert claims.pop("empty.md") == []
    assert sorted(claims) == [f"filler-{n:02d}.txt" for n in range(16)] and not any(claims.values())

    assert "**accurate**" in (reports / "good.md").read_text(encoding="utf-8")
    assert (reports / "empty.md").is_file()
    assert "good.md" in (reports / "index.md").read_text(encoding="utf-8")
    assert "good.md:3: “5.0%” accurate" in done.stdout


def test_the_index_links_the_reports_written_when_a_bad_file_drops_out(tiny, tmp_path, capsys):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "story.md").write_bytes(b"\xff")  # bad, and first to claim the name story.md
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "story.md").write_text(GOOD, encoding="utf-8")
    reports = tmp_path / "reports"
    assert main([str(tmp_path / "a"), str(tmp_path / "b"), "--data", str(tiny), "--no-charts",
                 "--reports", str(reports)]) == 2
    capsys.readouterr()
    assert sorted(p.name for p in reports.glob("*.md")) == ["b-story.md", "index.md"]
    assert "](b-story.md)" in (reports / "index.md").read_text(encoding="utf-8")


def test_a_folder_of_ten_thousand_files_is_checked_whole(tiny, tmp_path, capsys):
    folder = tmp_path / "many"
    folder.mkdir()
    for number in range(10_000):
        (folder / f"{number:05d}.txt").write_text("No numbers here.\n", encoding="utf-8")
    (folder / "09999.txt").write_text(GOOD, encoding="utf-8")
    started = time.perf_counter()
    code = main([str(folder), "--data", str(tiny), "--jobs", "2", "--no-charts", "--reports", str(tmp_path / "r"),
                 "--json", str(tmp_path / "out.json")])
    assert time.perf_counter() - started < 60
    assert code == 0
    payload = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    assert len(payload["documents"]) == 10_000 and payload["errors"] == []
    assert payload["documents"][-1]["claims"][0]["verdict"] == "accurate"
    assert len(list((tmp_path / "r").glob("*.md"))) == 10_001  # and the index
    assert "10000 article(s), 1 claim(s)" in capsys.readouterr().out


# --- read_document, one file at a time --------------------------------------------------


def test_a_five_megabyte_document_is_read(tmp_path):
    path = tmp_path / "long.md"
    path.write_text(GOOD + "The economy kept its pace. " * (5_000_000 // 27), encoding="utf-8")
    assert 5_000_000 < path.stat().st_size < MAX_BYTES
    assert read_document(path, TODAY).text.startswith("Published")


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be", "utf-8"])
def test_text_with_a_byte_order_mark_is_read_in_its_encoding(tmp_path, codec):
    path = tmp_path / "marked.md"
    path.write_bytes("\ufeff".encode(codec) + "Prices rose 5% in S\u00e3o Paulo.\r\n".encode(codec))
    assert read_document(path, TODAY).text == "Prices rose 5% in S\u00e3o Paulo.\n"


def test_a_wide_encoding_broken_after_its_mark_is_named(tmp_path):
    path = tmp_path / "cut.md"
    path.write_bytes("Prices rose".encode("utf-16") + b"\x00")  # an odd byte out
    with pytest.raises(InputError) as caught:
        read_document(path, TODAY)
    assert str(caught.value) == (f"{path}: not valid UTF-16 text despite its byte-order mark (invalid data at "
                                 "offset 24); save it as UTF-8")


def test_invalid_utf8_after_a_utf8_mark_gives_the_offset_in_the_file(tmp_path):
    path = tmp_path / "marked.md"
    path.write_bytes(b"\xef\xbb\xbfab\n\xe9")
    with pytest.raises(InputError) as caught:
        read_document(path, TODAY)
    assert "invalid byte 0xe9 at offset 6, line 2" in str(caught.value)


def test_a_file_name_with_a_newline_or_escape_stays_one_line(tiny, tmp_path, capsys):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "good.md").write_text(GOOD, encoding="utf-8")
    (folder / "split\nline \x1b[31mred.md").write_bytes(b"caf\xe9")
    assert main([str(folder), "--data", str(tiny), "--no-charts", "--reports", str(tmp_path / "reports")]) == 2
    errors = capsys.readouterr().err.splitlines()
    bad = [line for line in errors if "not UTF-8" in line]
    assert bad == [f"verify: {folder}/split\\nline \\x1b[31mred.md: not UTF-8 text (invalid byte 0xe9 at offset 3, "
                   "line 1); save it as UTF-8"]
    assert "\x1b" not in "".join(errors)


def test_a_bug_on_one_article_costs_that_article_not_the_run(tiny, tmp_path, capsys, monkeypatch):
    from verifier import pipeline

    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "good.md").write_text(GOOD, encoding="utf-8")
    (folder / "trips.md").write_text(OTHER, encoding="utf-8")
    real_check = pipeline.check

    def check(claim, *args):
        if claim.entity == "Uzbekistan":
            raise TypeError("unsupported operand")
        return real_check(claim, *args)

    monkeypatch.setattr(pipeline, "check", check)
    out = tmp_path / "out.json"
    assert main([str(folder), "--data", str(tiny), "--no-charts", "--reports", str(tmp_path / "reports"),
                 "--json", str(out)]) == 2
    errors = capsys.readouterr().err.splitlines()
    assert [line for line in errors if "trips.md" in line] == [
        f"verify: {folder}/trips.md: verifier failed while checking its claims (TypeError: unsupported operand); "
        "this is a bug in verifier: please report it with the article"]
    payload = json.loads(out.read_text(encoding="utf-8"))
    assert [(Path(d["path"]).name, [c["verdict"] for c in d["claims"]]) for d in payload["documents"]] == [
        ("good.md", ["accurate"])]
