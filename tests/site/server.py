"""A stand-in of petition.parliament.uk on 127.0.0.1, for the sync tests and benchmark.

Standard library only: a ``ThreadingHTTPServer`` on a free port, serving in a thread. It
answers in the site's URL layout and envelopes (sections 1-5 of ``petitions-data-format.md``)
with links built on its own base (``http://127.0.0.1:PORT``), ``Last-Modified`` on petition
views (``updated_at`` rounded down to 10 s) and 304 for a fresh ``If-Modified-Since``.
Faults are scripted per path (:meth:`FakeSite.fail`); :meth:`FakeSite.stop` closes the port
so clients get "connection refused", and :meth:`FakeSite.start` opens it again.

Every request is logged (method, path with query, headers with lower-case names, status)
before it is answered, so a test that got its answer always finds it in the log.
"""

from __future__ import annotations

import contextlib
import socket
import threading
from datetime import datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, NamedTuple

from tests.site.catalogue import Catalogue
from tests.site.faults import HTML_PAGE, Fault, FaultBook, split_target
from tests.site.generate import generated_petitions
from tests.site.views import Answer, redirect, render, text_answer

#: A hanging request is let go after this long even if the site is never stopped.
HANG_LIMIT = 30.0


class LoggedRequest(NamedTuple):
    method: str
    path: str  # with the query, as requested
    headers: dict[str, str]  # names in lower case
    status: int | None  # None: no answer (a hang or a dropped connection)


class FakeSite(Catalogue):
    """The site's petitions (see :class:`Catalogue`), its HTTP server, its scripted faults
    and its request log."""

    def __init__(self, *, now: datetime | None = None) -> None:
        super().__init__(now=now)
        self.faults = FaultBook()
        self.hang_limit = HANG_LIMIT
        self._log: list[LoggedRequest] = []
        self._log_lock = threading.Lock()
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None
        self._port = 0
        self._release = threading.Event()
        self._connections: set[socket.socket] = set()
        self._connections_lock = threading.Lock()

    # --- the server -----------------------------------------------------------------------

    @property
    def base(self) -> str:
        """``http://127.0.0.1:PORT``, what a sync is given as its site."""
        if not self._port:
            raise RuntimeError("the site has not been started")
        return f"http://127.0.0.1:{self._port}"

    @property
    def port(self) -> int:
        return self._port

    @property
    def running(self) -> bool:
        return self._server is not None

    def url(self, path: str) -> str:
        return f"{self.base}{path}"

    def start(self) -> FakeSite:
        """Listen on a free port, or on the same port again after :meth:`stop`."""
        if self._server is not None:
            return self
        self._release = threading.Event()
        server = _Server(("127.0.0.1", self._port), _Handler)
        server.site = self
        self._port = server.server_address[1]
        self._server = server
        self._thread = threading.Thread(
            target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        """Close the port and every open connection; hanging requests are let go.

        Connections kept alive by a client are closed too, so its next request is refused
        rather than answered by a server that should be gone.
        """
        server, thread = self._server, self._thread
        if server is None:
            return
        self._server = None
        self._release.set()
        server.shutdown()
        server.server_close()
        with self._connections_lock:
            open_connections = list(self._connections)
        for connection in open_connections:
            with contextlib.suppress(OSError):  # already closed by its handler
                connection.shutdown(socket.SHUT_RDWR)
        if thread is not None:
            thread.join(timeout=5)

    close = stop

    def __enter__(self) -> FakeSite:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def _track(self, connection: socket.socket, open_: bool) -> None:
        with self._connections_lock:
            if open_:
                self._connections.add(connection)
            else:
                self._connections.discard(connection)

    def document(self, pid: int) -> dict[str, Any]:
        """The single view of a petition as served now (current or archived)."""
        petition = self.stored(pid)
        prefix = "/archived" if petition.parliament else ""
        answer = self.render(f"{prefix}/petitions/{pid}.json")
        if answer.status != 200:
            raise ValueError(f"petition {pid} answers {answer.status}")
        document: dict[str, Any] = answer.json()
        return document

    # --- faults and the log -----------------------------------------------------------------

    def fail(
        self,
        target: str,
        *,
        status: int | None = None,
        retry_after: int | str | None = None,
        html: bool = False,
        body: bytes | str | None = None,
        content_type: str | None = None,
        redirect_to: str | None = None,
        hang: bool | float = False,
        drop: bool = False,
        times: int | None = 1,
    ) -> None:
        """Answer the next ``times`` requests for ``target`` badly (``times=None``: always).

        ``status`` (429, 503, 410, 404...; with ``retry_after`` seconds or HTTP-date),
        ``html`` (200 with a maintenance page), ``body``/``content_type`` (any 200 body),
        ``redirect_to`` (302, or ``status`` 301/307; a path is made absolute), ``hang``
        (True: never answered until the site stops; seconds: answered late) or ``drop``
        (connection closed unanswered). ``target`` is a path, optionally with query
        parameters that must match too.
        """
        path, query = split_target(target)
        if isinstance(body, str):
            body = body.encode("utf-8")
        kinds = [status is not None and redirect_to is None, html, body is not None]
        kinds += [redirect_to is not None, hang is not False, drop]
        if sum(kinds) != 1:
            raise ValueError("give exactly one kind of fault")
        self.faults.add(
            Fault(
                path,
                query,
                status,
                retry_after,
                html,
                body,
                content_type,
                redirect_to,
                hang,
                drop,
                times,
            )  # fmt: skip
        )

    def clear_faults(self, path: str | None = None) -> None:
        self.faults.clear(path)

    @property
    def requests(self) -> list[LoggedRequest]:
        """Every request so far, in arrival order (a copy)."""
        with self._log_lock:
            return list(self._log)

    def requests_to(self, prefix: str) -> list[LoggedRequest]:
        """Requests whose path (with query) starts with ``prefix``."""
        return [r for r in self.requests if r.path.startswith(prefix)]

    def clear_log(self) -> None:
        with self._log_lock:
            self._log.clear()

    def _record(self, entry: LoggedRequest) -> None:
        with self._log_lock:
            self._log.append(entry)

    # --- answers ----------------------------------------------------------------------------

    def render(self, target: str, headers: dict[str, str] | None = None) -> Answer:
        """The site's answer to GET ``target`` without faults (the benchmark writes files
        with it); ``headers`` with lower-case names."""
        return render(self, self.base, target, headers or {})

    # --- serving one request ----------------------------------------------------------------

    def _serve(self, handler: _Handler) -> None:
        path, query = split_target(handler.path)
        headers = {name.lower(): value for name, value in handler.headers.items()}
        fault = self.faults.take(path, dict(query))
        if fault is not None and not fault.slow_only:
            answer = self._fault_answer(fault)
        else:
            if fault is not None and self._release.wait(float(fault.hang)):
                answer = None  # the site is stopping: let the request go unanswered
            else:
                answer = self.render(handler.path, headers)
        status = answer.status if answer is not None else None
        self._record(LoggedRequest(handler.command, handler.path, headers, status))
        if answer is None:
            if fault is not None and fault.hang is True:
                self._release.wait(self.hang_limit)
            handler.close_connection = True
            return
        handler.send(answer)

    def _fault_answer(self, fault: Fault) -> Answer | None:
        """What a fault sends, or None for no answer at all (hang, drop)."""
        if fault.hang is True or fault.drop:
            return None
        if fault.redirect_to is not None:
            return redirect(self.base, fault.redirect_to, fault.status or 302)
        if fault.html or fault.body is not None:
            content_type = fault.content_type or (
                "text/html; charset=utf-8" if fault.html else "application/json; charset=utf-8"
            )
            body = HTML_PAGE if fault.html else fault.body or b""
            return Answer(200, [("Content-Type", content_type)], body)
        assert fault.status is not None
        headers = [("Content-Type", "text/html; charset=utf-8")]
        if fault.retry_after is not None:
            headers.append(("Retry-After", str(fault.retry_after)))
        return Answer(fault.status, headers, f"<h1>Error {fault.status}</h1>".encode())

    # --- the benchmark's site -----------------------------------------------------------------

    @classmethod
    def generate(cls, n_petitions: int, seed: int = 1, *, now: datetime | None = None) -> FakeSite:
        """A site of ``n_petitions`` petitions in a realistic mix (see ``generate.py``)."""
        site = cls(now=now)
        site.load(generated_petitions(n_petitions, seed, site.now))
        return site


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    site: FakeSite

    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # a client that went away mid-answer is normal here (timeouts, stop())


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as the real site offers
    server_version = "FakePetitionsSite/1.0"
    sys_version = ""
    timeout = 15  # an idle kept-alive connection is let go
    disable_nagle_algorithm = True  # headers and body are two writes: no 40 ms wait
    server: _Server

    def setup(self) -> None:
        super().setup()
        self.server.site._track(self.connection, True)

    def finish(self) -> None:
        self.server.site._track(self.connection, False)
        with contextlib.suppress(OSError):  # the client went away
            super().finish()

    def do_GET(self) -> None:
        self.server.site._serve(self)

    def _not_allowed(self) -> None:
        answer = text_answer(405, "Method Not Allowed")
        answer.headers.append(("Allow", "GET"))
        headers = {name.lower(): value for name, value in self.headers.items()}
        self.server.site._record(LoggedRequest(self.command, self.path, headers, 405))
        self.send(answer)

    do_HEAD = do_POST = do_PUT = do_DELETE = _not_allowed  # noqa: N815 (http.server's names)

    def send(self, answer: Answer) -> None:
        try:
            self.send_response(answer.status)
            for name, value in answer.headers:
                self.send_header(name, value)
            if answer.status != 304 and not any(n == "Content-Length" for n, _ in answer.headers):
                self.send_header("Content-Length", str(len(answer.body)))
            self.end_headers()
            if answer.status != 304 and self.command != "HEAD":
                self.wfile.write(answer.body)
        except OSError:
            self.close_connection = True

    def log_message(self, format: str, *args: Any) -> None:
        pass  # the request log is the record; stderr stays quiet
