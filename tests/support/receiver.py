"""A local webhook receiver on 127.0.0.1, the way a helpdesk behaves, for outbox tests.

Its ``mode`` says how it answers: ``"ok"`` (200), ``"error"`` (500), ``"slow"`` (200, but
``delay`` seconds late, after the sender gave up), or ``"down"`` (the port refuses
connections: the server is closed, and ``recover()`` opens it again on the same port).
Like a careful helpdesk it checks each request's signature and keeps the first copy of
each idempotency key, in the order they arrived (``accepted``); ``received`` counts every
request, duplicates included.
"""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from escalate.bridge import signing


class Receiver:
    def __init__(self, secret: str, *, delay: float = 1.0) -> None:
        self.secret = secret
        self.delay = delay
        self.mode = "ok"
        self.received = 0
        self.accepted: list[dict] = []  # payloads, first copy of each key, in arrival order
        self.bad_signatures = 0
        self.in_flight = 0
        self.lock = threading.Lock()
        self.port = 0
        self.server: ThreadingHTTPServer | None = None
        self._open()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/hooks"

    def keys(self) -> list[str]:
        return [payload["id"] for payload in self.accepted]

    def wait_idle(self, timeout: float = 5.0) -> None:
        """Until every request it is still working on (a slow one) is answered."""
        deadline = time.monotonic() + timeout
        while self.in_flight and time.monotonic() < deadline:
            time.sleep(0.02)

    def go_down(self) -> None:
        self.mode = "down"
        self.server.shutdown()
        self.server.server_close()

    def recover(self) -> None:
        self.mode = "ok"
        self._open()

    def close(self) -> None:
        if self.mode != "down":
            self.server.shutdown()
            self.server.server_close()

    def _open(self) -> None:
        self.server = ThreadingHTTPServer(("127.0.0.1", self.port), _handler(self))
        self.server.daemon_threads = True
        self.port = self.server.server_port
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def _take(self, headers, body: bytes) -> int:
        with self.lock:
            self.received += 1
            try:
                signing.verify(self.secret, headers.get(signing.HEADER), body,
                               now=int(time.time()))
            except signing.BadSignature:
                self.bad_signatures += 1
                return 401
            payload = json.loads(body)
            if headers.get("Idempotency-Key") != payload["id"]:
                return 400
            if payload["id"] not in self.keys():
                self.accepted.append(payload)
        return 200


def _handler(receiver: Receiver):
    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            with receiver.lock:
                receiver.in_flight += 1
            try:
                self._serve()
            finally:
                with receiver.lock:
                    receiver.in_flight -= 1

        def _serve(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            if receiver.mode == "error":
                self._answer(500, b"Internal Server Error")
                return
            if receiver.mode == "slow":
                time.sleep(receiver.delay)
            self._answer(receiver._take(self.headers, body), b"{}")

        def _answer(self, status: int, body: bytes) -> None:
            try:
                self.send_response(status)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
            except OSError:  # the sender stopped waiting
                pass

        def log_message(self, *_args) -> None:
            pass

    return Handler
