"""PyInstaller run-time hook: the system's CA certificates for the bundled OpenSSL.

The bundled libssl looks for certificates where the build machine's distribution keeps them
(the bundle is built on Debian: /usr/lib/ssl, its OPENSSLDIR). On a distribution that keeps
them elsewhere, "Download model…" would fail certificate checks, so SSL_CERT_FILE is pointed
at the system's bundle when that folder is missing (a value the user set is kept). The ssl
module is not imported here: loading OpenSSL would slow every start by 20 ms or more.
"""

from __future__ import annotations

import os

#: Debian's OPENSSLDIR, where the bundled libssl looks by default.
_BUILT_IN = ("/usr/lib/ssl/cert.pem", "/usr/lib/ssl/certs/ca-certificates.crt")

_SYSTEM_BUNDLES = (
    "/etc/ssl/certs/ca-certificates.crt",  # Debian, Ubuntu, Arch, Gentoo
    "/etc/pki/tls/certs/ca-bundle.crt",  # Fedora, RHEL
    "/etc/pki/ca-trust/extracted/pem/tls-ca-bundle.pem",  # Fedora, RHEL
    "/etc/ssl/ca-bundle.pem",  # openSUSE
    "/etc/ssl/cert.pem",  # Alpine, Arch
)


def _use_system_certificates() -> None:
    if os.environ.get("SSL_CERT_FILE") or os.environ.get("SSL_CERT_DIR"):
        return
    if any(os.path.isfile(path) for path in _BUILT_IN):
        return
    for bundle in _SYSTEM_BUNDLES:
        if os.path.isfile(bundle):
            os.environ["SSL_CERT_FILE"] = bundle
            return


_use_system_certificates()
