"""The writer: only its own files, never a hand edit, atomic, idempotent."""
import os
import signal
import subprocess
import sys
import time

from briefing import output


def test_writes_then_leaves_unchanged_files_alone(tmp_path):
    counts, problems = output.write(tmp_path / "gen", {"a.md": "A", "sub/b.md": "B"}, "gen")
    assert counts["written"] == 2 and problems == []
    mtime = (tmp_path / "gen/a.md").stat().st_mtime_ns
    manifest = (tmp_path / "gen" / output.MANIFEST).stat().st_mtime_ns
    counts, _ = output.write(tmp_path / "gen", {"a.md": "A", "sub/b.md": "B"}, "gen")
    assert counts == {"written": 0, "unchanged": 2, "removed": 0, "kept": 0}
    assert (tmp_path / "gen/a.md").stat().st_mtime_ns == mtime  # nothing rewritten: no serve loop
    assert (tmp_path / "gen" / output.MANIFEST).stat().st_mtime_ns == manifest


def test_removes_only_its_own_stale_files(tmp_path):
    gen = tmp_path / "gen"
    output.write(gen, {"a.md": "A", "old/b.md": "B"}, "gen")
    (gen / "mine.md").write_text("hand-written")
    counts, problems = output.write(gen, {"a.md": "A"}, "gen")
    assert counts["removed"] == 1 and not (gen / "old").exists()
    assert (gen / "mine.md").read_text() == "hand-written" and problems == []


def test_hand_written_file_at_a_generated_path_is_kept_with_a_warning(tmp_path):
    gen = tmp_path / "gen"
    gen.mkdir()
    (gen / "a.md").write_text("mine")
    counts, problems = output.write(gen, {"a.md": "generated"}, "gen")
    assert (gen / "a.md").read_text() == "mine" and counts["kept"] == 1
    assert problems[0].level == "warning" and "not written by briefing" in problems[0].message


def test_hand_edited_generated_file_is_kept_and_not_removed(tmp_path):
    gen = tmp_path / "gen"
    output.write(gen, {"a.md": "v1", "b.md": "B"}, "gen")
    (gen / "a.md").write_text("v1 with an editor's fix")
    (gen / "b.md").write_text("B edited")
    counts, problems = output.write(gen, {"a.md": "v2"}, "gen")
    assert (gen / "a.md").read_text() == "v1 with an editor's fix"
    assert (gen / "b.md").read_text() == "B edited"
    assert counts["kept"] == 2 and {p.file for p in problems} == {"gen/a.md", "gen/b.md"}


def test_a_killed_build_leaves_the_previous_output_whole(tmp_path):
    """Kill a writer process mid-way, many times: every page is always an old or a new whole page."""
    gen = tmp_path / "gen"
    old = {f"p{n}.md": f"old {n} " * 20_000 for n in range(40)}
    output.write(gen, old, "gen")
    script = (
        "import sys; from pathlib import Path; from briefing import output\n"
        "pages = {f'p{n}.md': f'new {n} ' * 20_000 for n in range(40)}\n"
        "print('go', flush=True)\n"
        "output.write(Path(sys.argv[1]), pages, 'gen')\n"
    )
    for delay in (0.0, 0.01, 0.03, 0.06):
        proc = subprocess.Popen([sys.executable, "-c", script, str(gen)], stdout=subprocess.PIPE)
        proc.stdout.readline()
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        for n in range(40):
            text = (gen / f"p{n}.md").read_text()
            assert text in (f"old {n} " * 20_000, f"new {n} " * 20_000)
        assert not [p for p in os.listdir(gen) if p.endswith(".tmp") and not p.startswith(".")]


def test_refuses_paths_outside_the_folder(tmp_path):
    counts, problems = output.write(tmp_path / "gen", {"../escape.md": "x"}, "gen")
    assert not (tmp_path / "escape.md").exists() and problems[0].level == "error"


def test_written_pages_are_readable_by_others(tmp_path):
    old = os.umask(0o022)
    try:
        output.write(tmp_path / "gen", {"a.md": "A"}, "gen")
    finally:
        os.umask(old)
    assert (tmp_path / "gen/a.md").stat().st_mode & 0o777 == 0o644
