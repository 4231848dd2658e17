"""The hostile corpus: article text that must never act as markup. Every payload carries the
marker PWN, so a test can tell an escaped payload (text) from an executed one (markup)."""

PIECES = [
    "<script>window.PWN=1</script>",
    "<img src=x onerror=PWN()>",
    '<a href="javascript:PWN()">click</a>',
    '<iframe src="https://example.com/PWN"></iframe>',
    "<!-- PWN comment -->",
    "[PWN link](javascript:PWN())",
    "![PWN image](http://example.com/PWN.png)",
    "<http://example.com/PWN>",
    "[PWNref]: http://example.com/PWN",
    "{ onclick=PWN() }",
    "{: .PWN onmouseover=PWN() }",
    "*[PWN]: abbreviation definition",
    '--8<-- "/etc/passwd"',
    "<!-- material/tags --> PWN",
    "{{ config.PWN }} {% include 'PWN' %}",
    "PWN | cell | pipes",
    "`PWN code`",
    "# PWN heading",
    "> PWN quote",
    "- PWN item",
    "1. PWN ordered",
    "---",
    "**PWN** _PWN_ ~~PWN~~",
    "&lt;PWN&gt; &amp; &#60;",
    "PWN\x00nul\x07bell\x1bescape",
    "PWN \u202eright-to-left override\u202c",
    "\\*PWN\\*",
    "<!--bf-block-0--> PWN <!--bf-block-99-->",  # the plugin's own stand-in for a block set aside
]

HOSTILE_TITLE = "Ports </title><script>window.PWN=1</script> close & <b>PWN</b>"

FRONT_MATTER = """---
title: "Storm {{ PWN }} <img src=x onerror=PWN()>"
source: "<script>window.PWN=1</script> Herald"
date: "2024-02-03"
url: "javascript:PWN()"
author: "[PWN](javascript:PWN())"
---
"""

# A small hostile briefing for the browser: long hostile titles (truncated in the header and the nav
# at 390 px), payloads in sentences with numbers (fact-table links carry the sentence), in an
# outlet name, and in an entity description (tooltips). Invented text.
LONG_TITLE = ("Harbour <img src=x onerror=PWN()> closes as storm <script>window.PWN=1</script> moves north "
              "along the coast while officials warn of more floods")
BROWSER_ARTICLES = {
    "harbour.txt": LONG_TITLE + """

Harbour master Elena Ruiz said on Monday that 12 ships <img src=x onerror=PWN()> were stuck in the port of Porto Verde.

"We will reopen the port <script>window.PWN=1</script> within four days," Elena Ruiz said.

The ferry company Mareline cancelled 30 crossings {{ config.PWN }} <a href="javascript:PWN()">and refunds</a>.
""",
    "ferries.md": """---
title: "Ferries <img src=x onerror=PWN()> stop as the storm <b onmouseover=PWN()>hits</b> Porto Verde and the whole coast"
source: "<script>window.PWN=1</script> Coast Herald"
date: "2024-02-05"
---
Elena Ruiz, the harbour master, said 14 ships <img src=x onerror=PWN()> were stuck in the port of Porto Verde.

Mareline cancelled 30 crossings on Monday, the company said <iframe src="https://example.com/PWN"></iframe>.
""",
}
BROWSER_OVERRIDES = """version: 1
describe:
  Elena Ruiz: "Harbour master <img src=x onerror=PWN()> of Porto Verde"
"""
