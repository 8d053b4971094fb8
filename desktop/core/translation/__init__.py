"""Offline machine translation: Argos model packages and a batched CTranslate2 engine."""
