"""A throwaway PostgreSQL server for the test run, from the machine's own binaries.

``initdb`` refuses to run as root, so as root the cluster belongs to the ``postgres``
system user (Debian's package creates it) and every server command runs through
``runuser``. Durability is switched off: the data dies with the run anyway.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path


class PostgresUnavailable(RuntimeError):
    pass


@dataclass
class PostgresServer:
    bindir: Path
    root: Path
    port: int
    run_as: str | None

    @property
    def data(self) -> Path:
        return self.root / "data"

    def url(self, database: str = "postgres") -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{database}"

    def stop(self) -> None:
        _run(self, "pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop", check=False)
        shutil.rmtree(self.root, ignore_errors=True)


def find_bindir() -> Path:
    if shutil.which("pg_config"):
        out = subprocess.run(["pg_config", "--bindir"], capture_output=True, text=True)
        candidate = Path(out.stdout.strip())
        if (candidate / "initdb").exists():
            return candidate
    versions = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), reverse=True)
    if versions:
        return Path(versions[0]).parent
    raise PostgresUnavailable(
        "No PostgreSQL server binaries (initdb) found; install Debian's 'postgresql' package."
    )


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _run(server: PostgresServer, program: str, *args: str, check: bool = True):
    command = [str(server.bindir / program), *args]
    if server.run_as:
        command = ["runuser", "-u", server.run_as, "--", *command]
    result = subprocess.run(command, capture_output=True, text=True, timeout=120)
    if check and result.returncode != 0:
        raise PostgresUnavailable(
            f"{program} failed ({result.returncode}):\n{result.stdout}\n{result.stderr}"
        )
    return result


def start() -> PostgresServer:
    bindir = find_bindir()
    run_as = None
    root = Path(tempfile.mkdtemp(prefix="peerdesk-pg-"))
    if os.geteuid() == 0:
        try:
            account = pwd.getpwnam("postgres")
        except KeyError as error:
            raise PostgresUnavailable("As root, initdb needs the 'postgres' user.") from error
        os.chown(root, account.pw_uid, account.pw_gid)
        run_as = "postgres"
    server = PostgresServer(bindir=bindir, root=root, port=free_port(), run_as=run_as)
    _run(server, "initdb", "-D", str(server.data), "-U", "postgres", "--auth=trust",
         "--encoding=UTF8", "--locale=C.UTF-8")
    options = (
        f"-p {server.port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off "
        "-c synchronous_commit=off -c full_page_writes=off -c max_connections=200"
    )
    _run(server, "pg_ctl", "-D", str(server.data), "-l", str(root / "server.log"),
         "-o", options, "-w", "-t", "60", "start")
    return server


def create_database(server_url: str, name: str) -> str:
    """Create database ``name`` (dropping an old one) and return its URL."""
    import psycopg

    plain = server_url.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(plain, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')
    return server_url.rsplit("/", 1)[0] + f"/{name}"


def drop_database(server_url: str, name: str) -> None:
    import psycopg

    plain = server_url.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(plain, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
