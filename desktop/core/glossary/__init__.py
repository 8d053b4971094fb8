"""The glossary: store (CRUD and search) and the exchange package (CSV, TSV, Anki, TBX, OmegaT)."""
