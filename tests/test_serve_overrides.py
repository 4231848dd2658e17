"""`mkdocs serve` watches the overrides file: an editor's rule shows on the served site without a
restart (README, "The MkDocs plugin")."""
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
        time.sleep(0.3)
    return False


def test_editing_overrides_rebuilds_the_served_site(tiny):
    rules = tiny / "overrides.yml"
    rules.write_text("version: 1\ndescribe: {Brightwater Ferries: Ferry line}\n", encoding="utf-8")
    port = free_port()
    log = tiny / "serve.log"
    with open(log, "w") as out:
        proc = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-a",
                                 f"127.0.0.1:{port}"], cwd=tiny, stdout=out, stderr=subprocess.STDOUT)
    try:
        def glossary() -> str:
            try:
                return urllib.request.urlopen(f"http://127.0.0.1:{port}/briefing/glossary/", timeout=3).read().decode()
            except OSError:
                return ""

        assert wait_for(lambda: "Ferry line" in glossary()), log.read_text()
        rules.write_text("version: 1\ndescribe: {Brightwater Ferries: Ferry line run by the harbour board}\n",
                         encoding="utf-8")
        assert wait_for(lambda: "run by the harbour board" in glossary()), log.read_text()
    finally:
        proc.terminate()
        proc.wait(timeout=20)
