"""Tarjuman: read Arabic documents beside their offline English translation and keep a glossary."""

from __future__ import annotations

__version__ = "0.1.0"
APP_ID = "org.tarjuman.Tarjuman"
APP_NAME = "Tarjuman"
