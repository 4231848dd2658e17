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
