"""Tarjuman's core: text, documents, translation, glossary and storage.

Nothing under ``desktop.core`` may import Qt; a test enforces it.
"""
