"""Three short invented articles about one invented event (no text from seeds/ or the dev set),
for tests that build a small briefing of their own."""

ARTICLES = {
    "harbour.txt": "Storm closes the harbour at Porto Verde\n\nHarbour master Elena Ruiz said on Monday that the "
                   "harbour would stay closed for four days.\n",
    "ferry.txt": "Ferries cancelled as storm hits Porto Verde\n\nThe ferry company Mareline cancelled 12 crossings, "
                 "spokesman Tomas Berg said.\n",
    "farms.txt": "Farmers count losses after the storm\n\nElena Ruiz told farmers that the harbour would reopen "
                 "within five days.\n",
}
TITLES = {name: text.split("\n", 1)[0] for name, text in ARTICLES.items()}
