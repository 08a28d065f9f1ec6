"""Nothing lost: a run killed at any point leaves whole reports and a usable cache, and two
runs at once on the same cache both finish.

These run `verify` as a real process and kill it with SIGKILL, the signal nothing can
catch: what is on disk afterwards is what the atomic writes and SQLite transactions left.
"""
from __future__ import annotations

import json
import os
import re
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path


from .conftest import WDI, WEO, requires_shared
from .fake_apis import fake_apis  # noqa: F401 - a fixture

TODAY = "2026-11-25"
ARTICLES = 300


def verify_command(*args) -> list[str]:
    return [sys.executable, "-m", "verifier", *map(str, args), "--today", TODAY]


def data_command(*args) -> list[str]:
    return [sys.executable, "-m", "verifier", "data", *map(str, args)]


def environment(**extra) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("VERIFY_")}
    env.update({"VERIFY_RETRIES": "0", "NO_COLOR": "1", **extra})
    return env


def write_articles(folder: Path, growth: float) -> None:
    """ARTICLES articles, each claim a little different, so reports of two versions differ."""
    folder.mkdir(parents=True, exist_ok=True)
    for number in range(ARTICLES):
        country = ("Kazakhstan", "Uzbekistan")[number % 2]
        (folder / f"article-{number:03d}.md").write_text(
            f"Published: 2025-03-01\n\n# Article {number}\n\n"
            f"{country}'s economy grew {growth + number / 100:.2f}% in 2024.\n", encoding="utf-8")


def reports_on_disk(folder: Path) -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.md"))}


def kill_when(process: subprocess.Popen, ready, timeout: float = 60.0) -> bool:
    """SIGKILL the process as soon as `ready()` holds; False if it finished first."""
    deadline = time.monotonic() + timeout
    while process.poll() is None and time.monotonic() < deadline:
        if ready():
            process.send_signal(signal.SIGKILL)
            process.wait()
            return True
        time.sleep(0.002)
    process.wait(timeout=timeout)
    return False


def test_a_run_killed_mid_way_leaves_each_report_old_or_new_and_a_rerun_finishes(tmp_path, tiny):
    articles, reports = tmp_path / "articles", tmp_path / "reports"
    run = verify_command(articles, "--data", tiny, "--reports", reports, "--no-charts", "--jobs", "1",
                         "--json", tmp_path / "run.json")
    write_articles(articles, 4.0)
    assert subprocess.run(run, env=environment(), capture_output=True).returncode in (0, 1)
    old = reports_on_disk(reports)
    old_json = (tmp_path / "run.json").read_text(encoding="utf-8")
    assert len(old) == ARTICLES + 1  # and the index

    write_articles(articles, 7.0)
    started = {name: (reports / name).stat().st_mtime_ns for name in old}

    def some_rewritten_and_some_not() -> bool:
        rewritten = sum((reports / name).stat().st_mtime_ns != mtime for name, mtime in started.items())
        return 5 <= rewritten < ARTICLES // 2

    process = subprocess.Popen(run, env=environment(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    assert kill_when(process, some_rewritten_and_some_not), "the run finished before it could be killed"
    assert process.returncode == -signal.SIGKILL
    after_kill = reports_on_disk(reports)
    after_kill_json = (tmp_path / "run.json").read_text(encoding="utf-8")

    assert subprocess.run(run, env=environment(), capture_output=True).returncode in (0, 1)
    new = reports_on_disk(reports)
    assert new.keys() == old.keys() == after_kill.keys()
    changed = [name for name in new if after_kill[name] == new[name] != old[name]]
    unchanged = [name for name in new if after_kill[name] == old[name] != new[name]]
    assert changed and unchanged, "the kill did not fall mid-run"
    for name, text in after_kill.items():
        assert text in (old[name], new[name]), f"{name} is neither the old report nor the new one"
    assert after_kill_json in (old_json, (tmp_path / "run.json").read_text(encoding="utf-8"))
    json.loads(after_kill_json)
    # A temporary file the kill left behind is hidden and is never taken for a report.
    assert all(p.name.startswith(".") for p in reports.iterdir() if p.suffix == ".tmp")


@requires_shared
def test_an_import_killed_mid_way_leaves_the_cache_as_it_was_and_usable(tmp_path, tiny):
    cache = tmp_path / "cache.sqlite"
    article = tmp_path / "article.md"
    article.write_text("Published: 2025-03-01\n\nKazakhstan's GDP reached $300 billion in 2024, "
                       "according to the IMF.\n", encoding="utf-8")
    assert subprocess.run(data_command("import", WEO, "--cache", cache), env=environment(),
                          capture_output=True).returncode == 0
    check = verify_command(article, "--offline", "--cache", cache, "--reports", tmp_path / "reports",
                           "--no-charts", "--format", "json")
    before = json.loads(subprocess.run(check, env=environment(), capture_output=True, text=True).stdout)

    # The World Bank import takes seconds and writes in one transaction: kill it inside.
    process = subprocess.Popen(data_command("import", WDI, "--cache", cache), env=environment(),
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    journal = Path(f"{cache}-journal")
    assert kill_when(process, lambda: journal.exists() and journal.stat().st_size > 0), "the import finished first"

    with sqlite3.connect(cache) as db:  # opening it rolls the interrupted transaction back
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    after = json.loads(subprocess.run(check, env=environment(), capture_output=True, text=True).stdout)
    assert after["documents"] == before["documents"]
    status = subprocess.run(data_command("status", "--cache", cache), env=environment(),
                            capture_output=True, text=True)
    assert status.returncode == 0 and " NGDPD " in status.stdout
    assert not re.search(r"^world_bank +[A-Z]{2}\.", status.stdout, re.M), "half an import was kept"
    # And it takes the next import.
    assert subprocess.run(data_command("import", tiny, "--cache", cache), env=environment(),
                          capture_output=True).returncode == 0


@requires_shared
def test_two_runs_at_once_on_the_same_cache_both_finish_with_the_same_verdicts(tmp_path, fake_apis):
    cache = tmp_path / "cache.sqlite"
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "a.md").write_text(
        "Published: 2025-03-01\n\nKazakhstan's economy grew 4.8% in 2024. Its GDP reached $262 billion "
        "in 2024. Foreign direct investment into Kazakhstan was $3 billion in 2024.\n", encoding="utf-8")
    env = environment(VERIFY_WORLD_BANK_API=fake_apis.world_bank_url, VERIFY_IMF_API=fake_apis.imf_url)
    runs = [subprocess.Popen(verify_command(articles, "--cache", cache, "--reports", tmp_path / f"reports-{n}",
                                            "--no-charts", "--format", "json"),
                             env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for n in (1, 2)]
    outputs = [run.communicate(timeout=120) for run in runs]
    for run, (_, errors) in zip(runs, outputs):
        assert run.returncode in (0, 1), errors
    verdicts = [[(c["number_text"], c["verdict"], c["actual"]) for d in json.loads(out)["documents"]
                 for c in d["claims"]] for out, _ in outputs]
    assert verdicts[0] == verdicts[1]
    assert {verdict for _, verdict, _ in verdicts[0]} - {"unverifiable"}
    # The cache both wrote to is whole, and a third run reads it offline.
    with sqlite3.connect(cache) as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    offline = subprocess.run(verify_command(articles, "--offline", "--cache", cache, "--reports", tmp_path / "r3",
                                            "--no-charts", "--format", "json"),
                             env=environment(), capture_output=True, text=True)
    assert offline.returncode in (0, 1), offline.stderr
    assert [(c["number_text"], c["verdict"], c["actual"]) for d in json.loads(offline.stdout)["documents"]
            for c in d["claims"]] == verdicts[0]


def test_reports_are_written_with_the_users_usual_permissions(tmp_path):
    from verifier.files import write_atomic

    previous = os.umask(0o022)
    os.umask(previous)
    target = tmp_path / "report.md"
    write_atomic(target, "whole")
    assert target.read_text(encoding="utf-8") == "whole"
    assert target.stat().st_mode & 0o777 == 0o666 & ~previous  # not mkstemp's owner-only 0600
    assert [p.name for p in tmp_path.iterdir()] == ["report.md"]  # no temporary file left
