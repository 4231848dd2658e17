"""Invented web pages for `briefing add` (no evaluation page is copied): news pages as outlets
publish them, with the furniture extraction must leave out, and a local HTTP server to fetch them
from (never the internet)."""
from __future__ import annotations

import contextlib
import http.server
import json
import threading
from html import escape


def news_page(*, title: str, outlet: str, date: str | None, author: str | None, paragraphs: list[str],
              url: str | None = None, caption: str = "", teasers: tuple[str, ...] = (), meta: bool = True,
              title_suffix: bool = True) -> str:
    """A news page: head metadata (when `meta`), navigation, the article with a figure caption,
    teaser links to other stories, a newsletter prompt and a footer."""
    head = [f"<title>{escape(title)}{' - ' + escape(outlet) if title_suffix else ''}</title>"]
    if meta:
        head += [f'<meta property="og:site_name" content="{escape(outlet)}">',
                 f'<meta property="og:title" content="{escape(title)}">']
        if url:
            head.append(f'<link rel="canonical" href="{escape(url)}">')
        if date:
            head.append(f'<meta property="article:published_time" content="{date}T08:30:00+00:00">')
        if author:
            head.append(f'<meta name="author" content="{escape(author)}">')
        ld = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": title,
              "publisher": {"@type": "Organization", "name": outlet}}
        if date:
            ld["datePublished"] = f"{date}T08:30:00Z"
        head.append(f'<script type="application/ld+json">{json.dumps(ld)}</script>')
    nav = "".join(f'<li><a href="/section/{n}">{n.title()}</a></li>' for n in ("news", "sport", "weather", "money"))
    figure = (f'<figure><img src="/img/1.jpg" alt=""><figcaption>{escape(caption)}</figcaption></figure>'
              if caption else "")
    body = "".join(f"<p>{escape(p)}</p>" for p in paragraphs[:2]) + figure
    body += "".join(f'<p><a href="/story/{n}">{escape(t)}</a></p>' for n, t in enumerate(teasers))
    body += "".join(f"<p>{escape(p)}</p>" for p in paragraphs[2:])
    byline = f'<p class="byline">By {escape(author)}</p>' if author else ""
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">{''.join(head)}</head>
<body>
<header><a href="/">{escape(outlet)}</a><nav><ul>{nav}</ul></nav></header>
<main><article>
<h1>{escape(title)}</h1>{byline}
<div class="article-body">{body}</div>
<p>Sign up for our morning newsletter to get the day's top stories delivered to your inbox.</p>
</article>
<aside><h2>Most read</h2><ul><li><a href="/x/1">Council approves new cycle lanes</a></li>
<li><a href="/x/2">Weekend markets return to the square</a></li></ul></aside></main>
<footer><p>&copy; 2024 {escape(outlet)}. All rights reserved.</p><a href="/privacy">Privacy</a></footer>
</body></html>"""


SPORT = dict(
    title="Harbour Rovers win the coastal cup after late header",
    outlet="Coastline Sport", date="2024-05-12", author="Mira Holt",
    caption="Rovers captain Ade Lund lifts the cup at Quay Park on Saturday. (Mira Holt/Coastline Sport)",
    teasers=("Rovers sign a new goalkeeper from the northern league", "Ticket prices to rise next season"),
    paragraphs=[
        "Harbour Rovers won the coastal cup on Saturday, beating Millbrook Town 2-1 with a header four minutes "
        "from the end of the final at Quay Park.",
        "Captain Ade Lund scored the winner from a corner after Millbrook had levelled early in the second half.",
        "About 8,000 supporters watched the final, the largest crowd at the ground in a decade, the club said.",
        "\u201cWe kept believing until the last minute,\u201d Lund said after the match.",
        "The Rovers will play in the regional league's top division next season for the first time since 2009.",
    ])
BUSINESS = dict(
    title="Brightwater Ferries orders three electric boats",
    outlet="Harbour Business Daily", date="2024-05-13", author="Tom Ekwueme",
    caption="A Brightwater ferry leaves the north pier. Photo: Harbour Business Daily",
    teasers=("Port fees to rise in autumn", "Fuel costs weigh on island operators"),
    paragraphs=[
        "Brightwater Ferries has ordered three electric boats worth 24 million euros to replace its oldest diesel "
        "vessels on the island routes, the company said on Monday.",
        "The first boat is due in the spring of 2026, with the other two following by the end of that year.",
        "Chief executive Lena Maris said the new boats would cut the fleet's fuel bill by about a third.",
        "\u201cThe island routes are short, which makes them ideal for batteries,\u201d Maris said.",
        "The shipyard in Kessel will build the hulls, and a supplier in the south will provide the batteries.",
    ])
WEATHER = dict(
    title="Storm warning for the coast as gales approach",
    outlet="Northshore Weather Service", date="2024-05-14", author=None,
    caption="Waves break over the harbour wall in Kessel on Monday evening.",
    teasers=("How to prepare your garden for a storm",),
    paragraphs=[
        "Forecasters issued a storm warning for the whole coast on Tuesday, with gusts of up to 110 km/h expected "
        "overnight.",
        "Ferry services to the islands are likely to be cancelled from the early evening, the service said.",
        "Rainfall of 40 millimetres could cause local flooding in low-lying streets near the harbour.",
        "The warning is due to be lifted on Wednesday afternoon as the storm moves north.",
    ])


class _Handler(http.server.BaseHTTPRequestHandler):
    routes: dict[str, tuple[int, dict[str, str], bytes]] = {}

    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        status, headers, body = self.routes.get(self.path, (404, {"Content-Type": "text/html"}, b"<h1>Not found</h1>"))
        self.send_response(status)
        for k, v in headers.items():
            self.send_header(k, v)
        if "Content-Length" not in headers:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            self.wfile.write(body)

    def log_message(self, *args) -> None:
        pass


@contextlib.contextmanager
def serve(routes: dict[str, tuple[int, dict[str, str], bytes]]):
    """A local HTTP server on 127.0.0.1 answering `routes` (path -> status, headers, body); yields
    its base address. Stops when the block ends."""
    handler = type("Handler", (_Handler,), {"routes": routes})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def html_route(text: str) -> tuple[int, dict[str, str], bytes]:
    return 200, {"Content-Type": "text/html; charset=utf-8"}, text.encode("utf-8")
