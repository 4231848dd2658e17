"""Fetching one web page for `briefing add`: the page itself and nothing else.

  - only http:// and https:// addresses, and only redirects to such addresses, at most
    MAX_REDIRECTS of them;
  - a timeout on every network wait and a deadline on the whole download;
  - at most `max_bytes` read: a Content-Length over it is refused before reading, and the body is
    read in pieces that stop past the limit (a server may send more than it announced);
  - an HTML response only (Content-Type text/html or application/xhtml+xml);
  - no content encoding asked for (so nothing to decompress), no cookies kept, nothing the page
    links to (scripts, frames, images, refresh tags) fetched.
The outcome is data: the page's bytes with where they came from, or the reason it was not read.
"""
from __future__ import annotations

import socket
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from email.message import Message
from http.client import HTTPException

from .. import __version__

MAX_REDIRECTS = 5
TIMEOUT = 20.0  # seconds for any one network wait (connecting, each read)
DEADLINE = 60.0  # seconds for the whole download
CHUNK = 65_536
HTML_TYPES = ("text/html", "application/xhtml+xml")
USER_AGENT = f"Mozilla/5.0 (compatible; briefing/{__version__}; one page, no crawling)"


@dataclass(frozen=True)
class Fetched:
    url: str  # where the page was found, after redirects
    data: bytes | None  # None when not read
    charset: str | None = None  # as the response declared it
    problem: str | None = None  # why it was not read


def is_link(text: str) -> bool:
    return text[:8].lower().startswith(("http://", "https://"))


class _Redirects(urllib.request.HTTPRedirectHandler):
    """Redirects to http(s) addresses only, at most MAX_REDIRECTS."""

    max_redirections = MAX_REDIRECTS
    max_repeats = 2

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        if not is_link(newurl):
            raise urllib.error.HTTPError(newurl, code, f"redirected to an address that is not http(s) ({newurl[:80]})",
                                         headers, fp)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def _opener() -> urllib.request.OpenerDirector:
    handlers = [urllib.request.ProxyHandler(), urllib.request.HTTPHandler(), urllib.request.HTTPSHandler(),
                _Redirects(), urllib.request.HTTPErrorProcessor(), urllib.request.HTTPDefaultErrorHandler()]
    opener = urllib.request.OpenerDirector()
    for handler in handlers:
        opener.add_handler(handler)
    return opener


def fetch(url: str, max_bytes: int, timeout: float = TIMEOUT, deadline: float = DEADLINE) -> Fetched:
    """The page at `url` (see the module's docstring for what is refused)."""
    if not is_link(url):
        return Fetched(url, None, problem="not an http:// or https:// address")
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": ", ".join(HTML_TYPES),
                                                   "Accept-Encoding": "identity"})
    started = time.monotonic()
    try:
        with _opener().open(request, timeout=timeout) as response:
            final = response.geturl()
            problem = _refused(response.headers, max_bytes)
            if problem:
                return Fetched(final, None, problem=problem)
            data = _read(response, max_bytes, started + deadline)
            if data is None:
                return Fetched(final, None, problem=f"over the {max_bytes:,}-byte limit for one page")
            if isinstance(data, str):
                return Fetched(final, None, problem=data)
            return Fetched(final, data, response.headers.get_content_charset())
    except urllib.error.HTTPError as exc:
        exc.close()
        if 300 <= exc.code < 400:  # a redirect refused by _Redirects, or one too many
            why = str(exc.reason) if str(exc.reason).startswith("redirected") else f"more than {MAX_REDIRECTS} redirects"
            return Fetched(url, None, problem=why)
        return Fetched(url, None, problem=f"HTTP {exc.code} {exc.reason}")
    except urllib.error.URLError as exc:
        return Fetched(url, None, problem=f"cannot connect ({_reason(exc.reason)})")
    except (TimeoutError, socket.timeout):
        return Fetched(url, None, problem=f"no answer within {timeout:g} seconds")
    except (HTTPException, OSError, ValueError) as exc:
        return Fetched(url, None, problem=f"cannot read it ({_reason(exc)})")


def _refused(headers: Message, max_bytes: int) -> str | None:
    kind = headers.get_content_type() if headers.get("Content-Type") else None
    if kind is not None and kind not in HTML_TYPES:
        return f"not a web page (Content-Type: {kind}); save the article's text as .txt instead"
    length = headers.get("Content-Length", "")
    if length.strip().isdigit() and int(length) > max_bytes:
        return f"{int(length):,} bytes is over the {max_bytes:,}-byte limit for one page"
    return None


def _read(response, max_bytes: int, until: float) -> bytes | str | None:
    """The body, at most max_bytes (None past it), or why it stopped (a str) at the deadline."""
    parts, size = [], 0
    while True:
        if time.monotonic() > until:
            return "the download took longer than its deadline"
        piece = response.read(CHUNK)
        if not piece:
            return b"".join(parts)
        size += len(piece)
        if size > max_bytes:
            return None
        parts.append(piece)


def _reason(reason: object) -> str:
    text = getattr(reason, "strerror", None) or str(reason)
    return text[:200]
