"""Where a glossary lives: an SQLite file (a path) or a team termbase on PostgreSQL (a
libpq connection URI such as ``postgresql://anna@db.example.org:5432/termbase``).

Only names here, no database code: the window and the CLI use it to tell the two apart and to
show a termbase's name without its password. The URI goes to libpq unchanged, so its own
conventions hold: ``~/.pgpass`` or ``PGPASSFILE`` for passwords, ``?service=name`` for
``pg_service.conf``, ``?sslmode=verify-full`` and the rest.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

SCHEMES = ("postgresql://", "postgres://")


def is_team(location: str | Path) -> bool:
    """Whether ``location`` names a PostgreSQL termbase rather than a file."""
    return isinstance(location, str) and location.strip().lower().startswith(SCHEMES)


def team_name(url: str) -> str:
    """A termbase's name for titles and lists: ``user@host:port/database`` (or the service
    name), never the password."""
    try:
        parts = urlsplit(url.strip())
        query = parse_qs(parts.query)
        host = parts.hostname or (query.get("host", [""])[0]) or "localhost"
        port = f":{parts.port}" if parts.port else ""
        user = unquote(parts.username or query.get("user", [""])[0])
    except ValueError:
        return "PostgreSQL"
    database = unquote(parts.path.lstrip("/")) or query.get("dbname", [""])[0]
    service = query.get("service", [""])[0]
    if service and not parts.hostname:
        return f"{service} (service)" + (f"/{database}" if database else "")
    return f"{user + '@' if user else ''}{host}{port}/{database}"


def without_password(url: str) -> str:
    """The URI with any password taken out (for recent lists and logs)."""
    try:
        parts = urlsplit(url.strip())
        if parts.password is None:
            return url.strip()
    except ValueError:
        return url.strip()
    netloc = parts.netloc.rsplit("@", 1)
    user = netloc[0].split(":", 1)[0]
    return parts._replace(netloc=f"{user}@{netloc[1]}").geturl()


def display_name(location: str | Path) -> str:
    """A glossary's short name: a file's name, or a termbase's ``team_name``."""
    return team_name(str(location)) if is_team(location) else Path(location).name
