"""Downloading a model from a package index served on 127.0.0.1."""

from __future__ import annotations

import io
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Iterator

import pytest

from desktop.cli import main as cli_main
from desktop.core.errors import Cancelled
from desktop.core.tasks import CancelToken
from desktop.core.translation import argos, packages
from desktop.core.translation.engine import ArgosEngine


class IndexServer:
    """Serves index.json and the package; can drop the connection half-way through the file."""

    def __init__(self, package: Path) -> None:
        self.package = package.read_bytes()
        self.drop_first = False
        self.requests: list[str | None] = []  # Range headers received for the package
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def do_GET(self) -> None:
                if self.path == "/index.json":
                    body = json.dumps(server.index()).encode()
                    self.send_response(200)
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                elif self.path == "/translate-ar_en.argosmodel":
                    server.serve_package(self)
                else:
                    self.send_error(404)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def index(self) -> list[dict[str, object]]:
        return [
            {"type": "translate", "from_code": "ar", "to_code": "en", "package_version": "1.0",
             "links": [f"{self.base}/translate-ar_en.argosmodel"]},
            {"type": "translate", "from_code": "en", "to_code": "fr", "package_version": "1.0",
             "links": [f"{self.base}/missing.argosmodel"]},
        ]

    def serve_package(self, handler: BaseHTTPRequestHandler) -> None:
        data = self.package
        header = handler.headers.get("Range")
        self.requests.append(header)
        start = int(header.split("=")[1].split("-")[0]) if header else 0
        if start:
            handler.send_response(206)
            handler.send_header("Content-Range", f"bytes {start}-{len(data) - 1}/{len(data)}")
        else:
            handler.send_response(200)
        handler.send_header("Content-Length", str(len(data) - start))
        handler.end_headers()
        if self.drop_first and len(self.requests) == 1:
            handler.wfile.write(data[: len(data) // 2])
            handler.wfile.flush()
            handler.close_connection = True
            return
        handler.wfile.write(data[start:])

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def server(tiny_model_file: Path, empty_model_dir: Path, tmp_path: Path,
           monkeypatch: pytest.MonkeyPatch) -> Iterator[IndexServer]:
    srv = IndexServer(tiny_model_file)
    monkeypatch.setattr(argos, "remote_index_url", lambda: f"{srv.base}/index.json")
    downloads = tmp_path / "downloads"
    monkeypatch.setattr(argos, "downloads_dir", lambda: downloads)
    yield srv
    srv.close()


def test_download_with_progress_then_install(server: IndexServer, empty_model_dir: Path) -> None:
    progress: list[tuple[int, int]] = []
    path = packages.download_package(progress=lambda d, t: progress.append((d, t)))
    assert path.read_bytes() == server.package
    assert progress[-1] == (len(server.package), len(server.package))
    packages.install_package_file(path)
    assert ArgosEngine.load().translate(["الرباط"])[0]


def test_dropped_connection_resumes(server: IndexServer) -> None:
    server.drop_first = True
    with pytest.raises(packages.NetworkError, match="resumes where it stopped"):
        packages.download_package()
    part = argos.downloads_dir() / "translate-ar_en-1.0.argosmodel.part"
    assert 0 < part.stat().st_size < len(server.package)
    path = packages.download_package()
    assert server.requests[-1] == f"bytes={len(server.package) // 2}-"
    assert path.read_bytes() == server.package and not part.exists()


def test_cancelled_download(server: IndexServer) -> None:
    token = CancelToken()
    token.cancel()
    with pytest.raises(Cancelled):
        packages.download_package(cancel=token)


def test_pair_missing_from_index(server: IndexServer) -> None:
    with pytest.raises(packages.NetworkError, match="no fr→ar package"):
        packages.download_package("fr", "ar")


def test_cli_download_shows_a_text_progress_bar(server: IndexServer, empty_model_dir: Path) -> None:
    out, err = io.StringIO(), io.StringIO()
    code = cli_main(["models", "download", "ar", "en"], stdout=out, stderr=err)
    assert code == 0, err.getvalue()
    assert "100%" in err.getvalue() and "Downloading [" in err.getvalue()
    assert "Installed Arabic → English" in out.getvalue()
    assert [p.name for p in empty_model_dir.iterdir()] == ["translate-ar_en-tiny"]
