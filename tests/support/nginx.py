"""Debian's nginx in front of app nodes on 127.0.0.1, configured by the very file the
deployment guide ships (``docs/nginx/peerdesk.conf``), in a throwaway folder."""

from __future__ import annotations

import getpass
import os
import re
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = ROOT / "docs" / "nginx" / "peerdesk.conf"
NGINX = "/usr/sbin/nginx"

MAIN = """
{user}
worker_processes 1;
pid {root}/nginx.pid;
error_log {root}/error.log warn;
events {{ worker_connections 256; }}
http {{
    access_log off;
    client_body_temp_path {root}/body;
    proxy_temp_path {root}/proxy;
    fastcgi_temp_path {root}/fastcgi;
    uwsgi_temp_path {root}/uwsgi;
    scgi_temp_path {root}/scgi;
    {site}
}}
"""


class NginxUnavailable(RuntimeError):
    pass


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def site_config(upstreams: list[str], port: int, cache: Path) -> str:
    """The shipped file with this run's nodes, port and cache folder."""
    text = SHIPPED.read_text()
    nodes = "\n    ".join(f"server {address};" for address in upstreams)
    text = re.sub(r"server 127\.0\.0\.1:8000;[^\n]*", nodes, text)
    text = text.replace("listen 80;", f"listen 127.0.0.1:{port};")
    return text.replace("/var/cache/nginx/peerdesk", str(cache))


class Nginx:
    """``with Nginx(["127.0.0.1:5001"]) as proxy: proxy.url``"""

    def __init__(self, upstreams: list[str]) -> None:
        if not Path(NGINX).exists():
            raise NginxUnavailable(f"{NGINX} not found; install Debian's 'nginx' package")
        self.root = Path(tempfile.mkdtemp(prefix="peerdesk-nginx-"))
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        user = f"user {getpass.getuser()};" if os.geteuid() == 0 else ""
        site = site_config(upstreams, self.port, self.root / "cache")
        (self.root / "nginx.conf").write_text(MAIN.format(user=user, root=self.root, site=site))
        self._process: subprocess.Popen | None = None

    def __enter__(self) -> Nginx:
        self._process = subprocess.Popen(
            [NGINX, "-p", str(self.root), "-c", str(self.root / "nginx.conf"),
             "-g", "daemon off;"], stderr=subprocess.PIPE)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                raise NginxUnavailable(self._process.stderr.read().decode())
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.2):
                    return self
            except OSError:
                time.sleep(0.05)
        raise NginxUnavailable("nginx did not start")

    def __exit__(self, *exc) -> None:
        if self._process is not None:
            self._process.terminate()
            self._process.wait(timeout=10)
        shutil.rmtree(self.root, ignore_errors=True)
