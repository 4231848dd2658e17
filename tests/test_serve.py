"""`mkdocs serve`: an edit in seeds/ rebuilds the site once, and nothing loops."""
import socket
import subprocess
import sys
import time
import urllib.request


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(predicate, timeout=60.0):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if predicate():
            return True
        time.sleep(0.2)
    return False


def test_seed_edit_rebuilds_once(project):
    port = free_port()
    log = project / "serve.log"
    with open(log, "w") as out:
        proc = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
                                cwd=project, stdout=out, stderr=subprocess.STDOUT)
    try:
        def served(path="/briefing/"):
            try:
                return urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=2).status == 200
            except OSError:
                return False

        assert wait_for(served), log.read_text()
        builds = lambda: log.read_text().count("Building documentation")  # noqa: E731
        time.sleep(3)
        assert builds() == 1, log.read_text()
        seed = next((project / "seeds").glob("*.txt"))
        seed.write_text(seed.read_text().replace("Moscow", "Moskva", 1))
        assert wait_for(lambda: builds() >= 2), log.read_text()
        time.sleep(6)  # a loop would show more builds by now
        assert builds() == 2, log.read_text()
        page = urllib.request.urlopen(f"http://127.0.0.1:{port}/briefing/glossary/", timeout=5).read().decode()
        assert "Moskva" in page
    finally:
        proc.terminate()
        proc.wait(timeout=20)
