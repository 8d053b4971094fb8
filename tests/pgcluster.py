"""A real PostgreSQL server for tests and benchmarks, from the PyPI package ``pgserver``
(which ships the server binaries). No mocks: the team glossary is tested against the server.

``Cluster`` runs its own data folder on a free TCP port of 127.0.0.1 with password
authentication (scram-sha-256) for TCP, so tests connect the way a translator does
(``postgresql://user:password@127.0.0.1:port/db``), and can stop and start the server in the
middle of a session. PostgreSQL refuses to run as root: as root (CI, this machine) the server
runs as the system user ``pgserver``, created with ``useradd`` when missing (as pgserver itself
does).
"""

from __future__ import annotations

import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

SUPERUSER = "postgres"
PASSWORD = "tarjuman-test"


def binaries() -> Path:
    """The folder of pgserver's PostgreSQL binaries (ImportError when pgserver is missing).
    Found without importing pgserver, whose import makes lock files and warns about
    XDG_RUNTIME_DIR."""
    import importlib.util

    spec = importlib.util.find_spec("pgserver")
    if spec is None or not spec.submodule_search_locations:
        raise ImportError("pgserver is not installed (pip install pgserver)")
    folder = Path(list(spec.submodule_search_locations)[0]) / "pginstall" / "bin"
    if not (folder / "postgres").exists():
        raise ImportError(f"pgserver has no PostgreSQL binaries in {folder}")
    return folder


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Cluster:
    """One PostgreSQL server in a temporary folder; ``start``, ``stop``, ``url``, ``close``."""

    def __init__(self, folder: Path | None = None) -> None:
        self.bin = binaries()
        self.folder = Path(folder or tempfile.mkdtemp(prefix="tarjuman-pg-"))
        self.data = self.folder / "data"
        self.port = _free_port()
        self.user: str | None = None
        if os.geteuid() == 0:
            self.user = "pgserver"
            try:
                pwd.getpwnam(self.user)
            except KeyError:
                subprocess.run(["useradd", "-M", "-s", "/usr/sbin/nologin", self.user], check=True,
                               capture_output=True)
            self._open_to(self.user)
        self._initdb()

    def _open_to(self, user: str) -> None:
        """Let the server's user reach its folder and the binaries (as pgserver does)."""
        entry = pwd.getpwnam(user)
        os.chown(self.folder, entry.pw_uid, entry.pw_gid)
        for path in (self.folder, self.bin):
            for parent in [path, *path.parents]:
                mode = parent.stat().st_mode
                if mode & 0o055 != 0o055:
                    parent.chmod(mode | 0o055)
        for root, _dirs, files in os.walk(self.bin.parent):
            for name in files:
                file = Path(root) / name
                file.chmod(file.stat().st_mode | 0o044 | (0o011 if file.stat().st_mode & 0o100 else 0))

    def _run(self, args: list[str], timeout: float = 60) -> subprocess.CompletedProcess[str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith("PG")}
        env["LC_ALL"] = "C.UTF-8"
        return subprocess.run(args, check=True, capture_output=True, text=True, timeout=timeout,
                              user=self.user, env=env, cwd=self.folder)

    def _initdb(self) -> None:
        pwfile = self.folder / "pw"
        pwfile.write_text(PASSWORD + "\n")
        if self.user is not None:
            entry = pwd.getpwnam(self.user)
            os.chown(pwfile, entry.pw_uid, entry.pw_gid)
        self._run([str(self.bin / "initdb"), "-D", str(self.data), "-U", SUPERUSER, "-E", "UTF8",
                   "--locale=C", "--auth-local=trust", "--auth-host=scram-sha-256",
                   f"--pwfile={pwfile}", "--no-sync"])
        pwfile.unlink()
        with (self.data / "postgresql.conf").open("a") as conf:
            conf.write(f"\nlisten_addresses = '127.0.0.1'\nport = {self.port}\n"
                       f"unix_socket_directories = '{self.folder}'\nfsync = off\n"
                       "synchronous_commit = off\nfull_page_writes = off\nmax_connections = 200\n"
                       "shared_buffers = 64MB\n")

    def start(self) -> None:
        self._run([str(self.bin / "pg_ctl"), "-D", str(self.data), "-l", str(self.folder / "log"),
                   "-w", "-t", "60", "start"], timeout=90)

    def stop(self, mode: str = "fast") -> None:
        self._run([str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", mode, "-w", "stop"],
                  timeout=90)

    def running(self) -> bool:
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=0.5):
                return True
        except OSError:
            return False

    def url(self, database: str = "postgres", user: str = SUPERUSER,
            password: str | None = PASSWORD) -> str:
        auth = f"{user}:{password}" if password else user
        return f"postgresql://{auth}@127.0.0.1:{self.port}/{database}"

    def sql(self, statement: str, database: str = "postgres") -> None:
        """Run one statement as the superuser, outside a transaction (CREATE DATABASE)."""
        import psycopg

        with psycopg.connect(self.url(database), autocommit=True) as connection:
            connection.execute(statement.encode())

    def create_database(self, name: str) -> str:
        """A new empty database; returns its URL for the superuser."""
        self.sql(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def log_text(self) -> str:
        try:
            return (self.folder / "log").read_text(errors="replace")
        except OSError:
            return ""

    def close(self) -> None:
        try:
            if self.running():
                self.stop("immediate")
        except (subprocess.SubprocessError, OSError):
            pass
        shutil.rmtree(self.folder, ignore_errors=True)


def start_cluster(attempts: int = 2) -> Cluster:
    """A started cluster; raises with the server's log when it cannot start."""
    last: BaseException | None = None
    for _ in range(attempts):
        cluster = Cluster()
        try:
            cluster.start()
            deadline = time.monotonic() + 30
            while not cluster.running() and time.monotonic() < deadline:
                time.sleep(0.05)
            return cluster
        except (subprocess.SubprocessError, OSError) as exc:
            last = exc
            detail = getattr(exc, "stderr", "") or ""
            last = RuntimeError(f"PostgreSQL did not start: {exc}\n{detail}\n{cluster.log_text()}")
            cluster.close()
    assert last is not None
    raise last
