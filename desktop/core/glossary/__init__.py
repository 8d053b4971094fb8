"""The glossary: store (CRUD and search) and interchange (CSV)."""
