"""The writer: only its own files, never a hand edit, atomic, idempotent."""
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from briefing.store import output


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
            data = (gen / f"p{n}.md").read_bytes()
            assert data in (output.stamp("p.md", (f"old {n} " * 20_000).encode()),
                            output.stamp("p.md", (f"new {n} " * 20_000).encode()))
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


def test_pages_written_by_threads_in_new_folders_are_never_writable_by_others(tmp_path):
    # the umask is read once, before the writer threads start: reading it sets it for a moment,
    # and a folder or page another thread made in that moment must not come out world-writable
    pages = {f"f{n % 40}/sub/p{n}.md": f"page {n}" for n in range(400)}
    old = os.umask(0o022)
    try:
        output.write(tmp_path / "gen", pages, "gen")
        assert os.umask(0o022) == 0o022  # left as it was
    finally:
        os.umask(old)
    made = [p for p in (tmp_path / "gen").rglob("*") if not p.name.startswith(".briefing")]
    assert len(made) == 400 + 80
    assert {p.stat().st_mode & 0o777 for p in made} == {0o644, 0o755}


def test_no_writer_thread_touches_the_umask(tmp_path, monkeypatch):
    # os.umask is process-wide: a thread setting it, even for a moment, changes what the others create
    import threading
    callers = []
    real = os.umask

    def umask(mask):
        callers.append(threading.current_thread() is threading.main_thread())
        return real(mask)
    monkeypatch.setattr(output.os, "umask", umask)
    output.write(tmp_path / "gen", {f"p{n}.md": f"page {n}" for n in range(20)}, "gen")
    assert callers and all(callers)


# -- issue 10, finding 6: the manifest is checked, never trusted --------------------------------------
def forge_manifest(gen, entries):
    import hashlib
    import json
    files = {rel: hashlib.sha256(path.read_bytes()).hexdigest() for rel, path in entries.items()}
    (gen / output.MANIFEST).write_text(json.dumps({"tool": "briefing", "files": files}))


def test_a_forged_manifest_entry_outside_the_folder_deletes_nothing(tmp_path):
    victim = tmp_path / "victim"
    victim.mkdir()
    (victim / "precious.txt").write_text("the only copy")
    gen = tmp_path / "docs/gen"
    gen.mkdir(parents=True)
    forge_manifest(gen, {"../../victim/precious.txt": victim / "precious.txt",
                         str(victim / "precious.txt"): victim / "precious.txt"})
    counts, problems = output.write(gen, {"a.md": "A"}, "gen")
    assert (victim / "precious.txt").read_text() == "the only copy" and counts["removed"] == 0
    assert len([p for p in problems if "ignored: not a file inside the folder" in p.message]) == 2


def test_a_users_file_listed_by_a_forged_manifest_is_kept(tmp_path):
    """Even with its right hash in the manifest, a file without the tool's stamp is the user's."""
    gen = tmp_path / "gen"
    gen.mkdir()
    (gen / "notes.md").write_text("# My notes\n\nKept by hand.\n")
    (gen / "index.md").write_text("# My own home page\n")
    forge_manifest(gen, {"notes.md": gen / "notes.md", "index.md": gen / "index.md"})
    counts, problems = output.write(gen, {"index.md": "# generated\n"}, "gen")
    assert (gen / "notes.md").read_text() == "# My notes\n\nKept by hand.\n"
    assert (gen / "index.md").read_text() == "# My own home page\n"
    assert counts["removed"] == 0 and counts["kept"] == 2 and counts["written"] == 0
    assert all("stamp" in p.message for p in problems)


def test_a_symlinked_subfolder_is_neither_written_through_nor_cleaned(tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "x.md").write_bytes(output.stamp("x.md", b"generated-looking"))
    gen = tmp_path / "gen"
    gen.mkdir()
    (gen / "articles").symlink_to(elsewhere)
    forge_manifest(gen, {"articles/x.md": elsewhere / "x.md"})
    counts, problems = output.write(gen, {"articles/y.md": "Y"}, "gen")
    assert sorted(p.name for p in elsewhere.iterdir()) == ["x.md"]
    assert any(p.level == "error" and "leaves the output folder" in p.message for p in problems)


def test_the_tools_own_stale_files_are_still_removed(tmp_path):
    gen = tmp_path / "gen"
    output.write(gen, {"a.md": "---\ntitle: A\n---\n# A\n", "b.css": "b {}", "c.json": "{}"}, "gen")
    assert output.stamped("a.md", (gen / "a.md").read_bytes()) and (gen / "c.json").read_text() == "{}"
    counts, problems = output.write(gen, {}, "gen")
    assert counts["removed"] == 3 and problems == [] and sorted(os.listdir(gen)) == sorted([output.LOCK, output.MANIFEST])


# -- finding 8: one writer at a time -------------------------------------------------------------------
HOLD = """
import sys, time
from pathlib import Path
from briefing.store import output
with output.lock(Path(sys.argv[1]), exclusive=True) as held:
    print("held" if held else "no", flush=True)
    time.sleep(30)
"""


def test_a_second_build_waits_for_the_lock_then_says_why(tmp_path):
    gen = tmp_path / "gen"
    gen.mkdir()
    holder = subprocess.Popen([sys.executable, "-c", HOLD, str(gen)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        counts, problems = output.write(gen, {"a.md": "A"}, "gen", wait=0.5)
        assert counts["written"] == 0 and not (gen / "a.md").exists()
        assert problems[0].level == "error" and "another build" in problems[0].message
    finally:
        holder.kill()
        holder.wait()
    counts, problems = output.write(gen, {"a.md": "A"}, "gen", wait=5)  # the OS released the dead holder's lock
    assert counts["written"] == 1 and problems == []


WRITER = """
import sys
from pathlib import Path
from briefing.store import output
for n in range(12):
    pages = {f"p{k}.md": f"{sys.argv[2]} {n} {k} " * 500 for k in range(20)}
    counts, problems = output.write(Path(sys.argv[1]), pages, "gen")
    assert not [p for p in problems if p.level == "error"], problems
"""


def test_two_builds_at_once_both_finish_and_leave_one_whole_output(tmp_path):
    gen = tmp_path / "gen"
    procs = [subprocess.Popen([sys.executable, "-c", WRITER, str(gen), name], stderr=subprocess.PIPE, text=True)
             for name in ("first", "second")]
    errors = [p.communicate(timeout=300)[1] for p in procs]
    assert [p.returncode for p in procs] == [0, 0], errors
    counts, problems = output.write(gen, {f"p{k}.md": "final" for k in range(20)}, "gen")
    assert counts["written"] == 20 and problems == []  # every file was still the tool's own
    assert not [n for n in os.listdir(gen) if n.endswith(".tmp")]


# -- finding 11: the generated folder stays inside docs_dir --------------------------------------------
def test_output_outside_docs_is_refused(tmp_path):
    docs = tmp_path / "project/docs"
    docs.mkdir(parents=True)
    for bad in ("../../x", "/tmp/x", "", ".", "a/../../b"):
        folder, problem = output.folder_in(docs, bad)
        assert folder is None and problem.level == "error" and "output" in problem.message, bad
    counts, problems = output.write(docs / "../../x", {"a.md": "A"}, "docs/../../x")
    assert problems[0].level == "error" and not (tmp_path / "x").exists()
    counts, problems = output.write(tmp_path / "x", {"a.md": "A"}, "x", root=docs)
    assert problems[0].level == "error" and not (tmp_path / "x").exists()


def test_a_symlinked_output_folder_is_refused(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    target = tmp_path / "outside"
    target.mkdir()
    (docs / "briefing").symlink_to(target)
    folder, problem = output.folder_in(docs, "briefing")
    assert folder is None and "symbolic link" in problem.message
    for root in (None, docs):
        counts, problems = output.write(docs / "briefing", {"a.md": "A"}, "docs/briefing", root=root)
        assert problems[0].level == "error" and "symbolic link" in problems[0].message
    assert list(target.iterdir()) == []


def test_pages_written_side_by_side_are_each_synced_before_they_replace_the_old(tmp_path, monkeypatch):
    """_write_all writes pages on several threads; each page's temporary file is still synced to
    disk before the rename that puts it in place (so a crash leaves the old page or the new one)."""
    import threading

    synced, order, threads, lock = set(), [], set(), threading.Lock()
    real_fsync, real_replace = os.fsync, os.replace

    def fsync(fd):
        real_fsync(fd)
        with lock:
            synced.add(os.readlink(f"/proc/self/fd/{fd}"))
            threads.add(threading.get_ident())

    def replace(src, dst):
        with lock:
            order.append((str(src) in synced, Path(dst).name))
        real_replace(src, dst)
    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(os, "replace", replace)
    pages = {f"p{n:02d}.md": f"# Page {n}\n" for n in range(20)}
    counts, problems = output.write(tmp_path / "docs/briefing", pages, "docs/briefing")
    assert problems == [] and counts["written"] == 20
    assert sorted(name for ok, name in order if ok) == sorted([*pages, output.MANIFEST])
    assert len(threads) > 1  # side by side
    assert all((tmp_path / "docs/briefing" / rel).read_text(encoding="utf-8").endswith(text) for rel, text in pages.items())


def test_a_manifest_over_the_size_limit_is_a_warning_and_the_rest_still_builds(tmp_path, monkeypatch):
    """A manifest too large to read is reported as unreadable: nothing in the folder counts as the
    tool's, so the page it wrote before is kept, not overwritten; the new page is written."""
    gen = tmp_path / "gen"
    output.write(gen, {"a.md": "A"}, "gen")
    (gen / "mine.md").write_text("hand-written")
    monkeypatch.setattr(output, "MAX_MANIFEST", 10)  # the manifest the first build wrote is larger
    counts, problems = output.write(gen, {"a.md": "A2", "b.md": "B"}, "gen")
    assert [p.message for p in problems if "manifest" in p.message][0].startswith("unreadable manifest")
    assert (gen / "b.md").read_text().endswith("\nB") and (gen / "a.md").read_text().endswith("\nA")
    assert counts["written"] == 1 and counts["kept"] == 1 and (gen / "mine.md").read_text() == "hand-written"
