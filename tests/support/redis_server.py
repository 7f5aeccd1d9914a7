"""A throwaway Redis server for the test run, from Debian's ``redis-server`` binary.

It listens on 127.0.0.1 only, keeps nothing on disk and dies with the run.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

REDIS_SERVER = "redis-server"


class RedisUnavailable(RuntimeError):
    pass


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class RedisServer:
    process: subprocess.Popen
    root: Path
    port: int

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}"

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)
        shutil.rmtree(self.root, ignore_errors=True)


def start() -> RedisServer:
    binary = shutil.which(REDIS_SERVER)
    if binary is None:
        raise RedisUnavailable("redis-server not found; install Debian's 'redis-server' package")
    root = Path(tempfile.mkdtemp(prefix="peerdesk-redis-"))
    port = free_port()
    process = subprocess.Popen(
        [binary, "--port", str(port), "--bind", "127.0.0.1", "--dir", str(root),
         "--save", "", "--appendonly", "no", "--protected-mode", "yes"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)  # read only if it exits at once
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RedisUnavailable(process.stderr.read().decode())
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2) as connection:
                connection.sendall(b"PING\r\n")
                if connection.recv(16).startswith(b"+PONG"):
                    return RedisServer(process, root, port)
        except OSError:
            time.sleep(0.05)
    process.kill()
    raise RedisUnavailable("redis-server did not answer PING within 10 s")
