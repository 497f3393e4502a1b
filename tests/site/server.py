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
import email.utils
import json
import re
import socket
import threading
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from math import ceil
from typing import Any, NamedTuple
from urllib.parse import urlencode

from tests.site.editor import PetitionEditor
from tests.site.faults import HTML_PAGE, Fault, FaultBook, split_target
from tests.site.petitions import Parliament, SitePetition, new_petition

MAX_AGE = 60
DEFAULT_COUNT = 25
MAX_COUNT = 50
MAX_PAGE = 99_999
#: A hanging request is let go after this long even if the site is never stopped.
HANG_LIMIT = 30.0
FIRST_ID = 700_000

CURRENT_STATES = ("all", "open", "closed", "rejected", "recent")
ARCHIVED_STATES = ("all", "published", "rejected")
LINK_PARAMS = ("count", "parliament", "q", "state", "topic")

SINGLE = re.compile(r"/petitions/(\d{1,9})\.json")
COUNT = re.compile(r"/petitions/(\d{1,9})/count\.json")
ARCHIVED_SINGLE = re.compile(r"/archived/petitions/(\d{1,9})\.json")


class LoggedRequest(NamedTuple):
    method: str
    path: str  # with the query, as requested
    headers: dict[str, str]  # names in lower case
    status: int | None  # None: no answer (a hang or a dropped connection)


@dataclass
class Answer:
    status: int
    headers: list[tuple[str, str]] = field(default_factory=list)
    body: bytes = b""

    def json(self) -> Any:
        return json.loads(self.body)


def http_date(at: datetime) -> str:
    return email.utils.format_datetime(at.astimezone(UTC), usegmt=True)


def last_modified(updated_at: datetime) -> datetime:
    """``updated_at`` rounded down to 10 s, as the site's ``Last-Modified``."""
    at = updated_at.astimezone(UTC).replace(microsecond=0)
    return at - timedelta(seconds=at.second % 10)


def _default_now() -> datetime:
    # A few hours before the real time: the importer refuses timestamps in the future,
    # and changes made during a test still count as recent (the last 7 days).
    return last_modified(datetime.now(UTC) - timedelta(hours=6))


def _json_answer(document: Any, extra: Iterable[tuple[str, str]] = ()) -> Answer:
    body = json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    headers = [
        ("Content-Type", "application/json; charset=utf-8"),
        ("Cache-Control", f"public, max-age={MAX_AGE}"),
        ("Access-Control-Allow-Origin", "*"),
        *extra,
    ]
    return Answer(200, headers, body)


def _text_answer(status: int, text: str) -> Answer:
    return Answer(status, [("Content-Type", "text/plain; charset=utf-8")], text.encode())


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


class FakeSite:
    """The site's petitions, its HTTP server, its scripted faults and its request log."""

    def __init__(self, *, now: datetime | None = None) -> None:
        #: Guards the petitions; an editor's change and a request never interleave.
        self.lock = threading.RLock()
        self._now = now or _default_now()
        self._petitions: dict[int, SitePetition] = {}
        self._parliaments: dict[str, Parliament] = {}
        self._version = 0
        self._orders: dict[tuple[str, str], tuple[int, list[int]]] = {}
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

    # --- the clock --------------------------------------------------------------------------

    @property
    def now(self) -> datetime:
        """The site's clock: it moves only when a test changes a petition or advances it."""
        return self._now

    def advance(self, **delta: float) -> datetime:
        """Move the clock on (``site.advance(minutes=5)``)."""
        with self.lock:
            self._now += timedelta(**delta)
            return self._now

    def tick(self) -> datetime:
        """The time of a change: 10 s after the previous one, so Last-Modified moves."""
        return self.advance(seconds=10)

    # --- petitions --------------------------------------------------------------------------

    def changed(self) -> None:
        """Something visible changed: list orders are worked out again."""
        self._version += 1

    def stored(self, pid: int) -> SitePetition:
        with self.lock:
            try:
                return self._petitions[pid]
            except KeyError:
                raise KeyError(f"the site has no petition {pid}") from None

    def petition(self, pid: int) -> PetitionEditor:
        self.stored(pid)
        return PetitionEditor(self, pid)

    def ids(self) -> list[int]:
        with self.lock:
            return sorted(self._petitions)

    def __len__(self) -> int:
        return len(self._petitions)

    def put(self, petition: SitePetition) -> PetitionEditor:
        """Store a petition built elsewhere (the generator)."""
        with self.lock:
            self._petitions[petition.id] = petition
            self.changed()
        return PetitionEditor(self, petition.id)

    def add(self, pid: int | None = None, **fields: Any) -> PetitionEditor:
        """A current petition (open unless ``state=`` says otherwise), dated before now."""
        with self.lock:
            pid = pid if pid is not None else FIRST_ID + len(self._petitions) + 1
            if pid in self._petitions:
                raise ValueError(f"the site already has petition {pid}")
            return self.put(new_petition(pid, self._now, **fields))

    def add_parliament(
        self, period: str, *, number: int | None = None, **fields: Any
    ) -> Parliament:
        """An archived Parliament (``dissolution_at`` decides which one is most recent)."""
        with self.lock:
            parliament = Parliament(period, number or len(self._parliaments) + 1, **fields)
            self._parliaments[period] = parliament
            self.changed()
            return parliament

    def add_archived(self, pid: int, *, period: str = "2019-2024", **fields: Any) -> PetitionEditor:
        """A petition of an archived Parliament (closed unless ``state=`` says otherwise)."""
        with self.lock:
            if period not in self._parliaments:
                self.add_parliament(period)
            fields.setdefault("state", "closed")
            petition = new_petition(pid, self._now - timedelta(days=400), **fields)
            petition.parliament = period
            petition.creator_name = None
            return self.put(petition)

    @property
    def parliaments(self) -> list[Parliament]:
        """Most recently dissolved first, as ``/parliaments.json`` lists them."""
        with self.lock:
            return sorted(
                self._parliaments.values(),
                key=lambda p: datetime.fromisoformat(p.dissolution_at),
                reverse=True,
            )

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
        """The site's answer to GET ``target`` (no faults), e.g. for writing files."""
        headers = headers or {}
        path, query = split_target(target)
        params = dict(query)
        with self.lock:
            if path == "/petitions.json":
                return self._list(target, params, archived=False)
            if path == "/archived/petitions.json":
                return self._list(target, params, archived=True)
            if path == "/parliaments.json":
                return _json_answer([p.as_json() for p in self.parliaments])
            if match := SINGLE.fullmatch(path):
                return self._single(target, int(match[1]), headers, archived=False)
            if match := ARCHIVED_SINGLE.fullmatch(path):
                return self._single(target, int(match[1]), headers, archived=True)
            if match := COUNT.fullmatch(path):
                return self._count(int(match[1]))
        return _text_answer(404, "Not Found")

    def _redirect(self, location: str, status: int = 302) -> Answer:
        if location.startswith("/"):
            location = self.url(location)
        return Answer(status, [("Location", location), ("Content-Length", "0")])

    def _single(self, target: str, pid: int, headers: dict[str, str], archived: bool) -> Answer:
        petition = self._petitions.get(pid)
        if petition is None or (archived and petition.parliament is None):
            return _text_answer(404, "Not Found")
        if not archived and petition.parliament is not None:
            return self._redirect(f"/archived/petitions/{pid}.json")
        if petition.removed:
            return _text_answer(410, "Gone")
        if not petition.visible:
            return _text_answer(404, "Not Found")
        modified = last_modified(petition.updated_at)
        stamp_header = ("Last-Modified", http_date(modified))
        since = _parse_http_date(headers.get("if-modified-since"))
        if since is not None and since >= modified:
            return Answer(304, [("Cache-Control", f"public, max-age={MAX_AGE}"), stamp_header])
        data: dict[str, Any] = {
            "type": "archived-petition" if archived else "petition",
            "id": pid,
            "attributes": petition.single_attributes(),
        }
        if archived and petition.parliament is not None:
            data["parliament"] = self._parliaments[petition.parliament].as_json()
        return _json_answer({"links": {"self": self.url(target)}, "data": data}, [stamp_header])

    def _count(self, pid: int) -> Answer:
        petition = self._petitions.get(pid)
        if petition is None or petition.parliament is not None:
            return _text_answer(404, "Not Found")
        if petition.removed:
            return _text_answer(410, "Gone")
        return _json_answer(petition.count_view())

    def _list(self, target: str, params: dict[str, str], archived: bool) -> Answer:
        states = ARCHIVED_STATES if archived else CURRENT_STATES
        path = "/archived/petitions.json" if archived else "/petitions.json"
        state = params.get("state", "all")
        if state not in states:
            return self._redirect(f"{path}?{urlencode(sorted({**params, 'state': 'all'}.items()))}")
        count = _int(params.get("count"), DEFAULT_COUNT)
        count = DEFAULT_COUNT if count < 1 else min(count, MAX_COUNT)
        page = min(max(_int(params.get("page"), 1), 1), MAX_PAGE)
        parliament = self._listed_parliament(params) if archived else None
        if archived and parliament is None:
            order: list[int] = []
        else:
            order = self._order(state, parliament.period if parliament else "")
        last = max(1, ceil(len(order) / count))
        items = [self._petitions[pid] for pid in order[(page - 1) * count : page * count]]
        data = []
        for petition in items:
            item = petition.item(self.base)
            if parliament is not None:
                item["parliament"] = parliament.as_json()
            data.append(item)
        kept = {k: v for k, v in params.items() if k in LINK_PARAMS}

        def link(n: int) -> str:
            query = {**kept, **({"page": str(n)} if n > 1 else {})}
            return self.url(f"{path}?{urlencode(sorted(query.items()))}" if query else path)

        links = {
            "self": self.url(target),
            "first": link(1),
            "last": link(last),
            "next": link(page + 1) if page < last else None,
            "prev": link(page - 1) if 1 < page <= last + 1 else None,
        }
        return _json_answer({"links": links, "data": data})

    def _listed_parliament(self, params: dict[str, str]) -> Parliament | None:
        if "parliament" in params:
            number = _int(params["parliament"], -1)
            return next((p for p in self._parliaments.values() if p.number == number), None)
        newest = self.parliaments
        return newest[0] if newest else None

    def _order(self, state: str, period: str) -> list[int]:
        """Petition ids of one list in the site's order, kept until something changes."""
        key = (state, period)
        cached = self._orders.get(key)
        if cached is not None and cached[0] == self._version:
            return cached[1]
        wanted = {"open": ("open",), "recent": ("open",), "closed": ("closed",)}
        wanted |= {"published": ("closed",), "rejected": ("rejected",)}
        chosen = [
            p
            for p in self._petitions.values()
            if p.visible
            and (p.parliament or "") == period
            and p.state in wanted.get(state, ("open", "closed", "rejected"))
        ]
        if state == "rejected":
            chosen.sort(key=lambda p: (p.created_at, p.id), reverse=True)
        elif state == "recent":
            chosen.sort(key=lambda p: (p.opened_at or p.created_at, p.id), reverse=True)
        else:  # signature_count desc, created_at desc
            chosen.sort(key=lambda p: (p.signature_count, p.created_at, p.id), reverse=True)
        order = [p.id for p in chosen]
        self._orders[key] = (self._version, order)
        return order

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
            return self._redirect(fault.redirect_to, fault.status or 302)
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
        from tests.site.generate import generated_petitions

        site = cls(now=now)
        with site.lock:
            for petition in generated_petitions(n_petitions, seed, site.now):
                site._petitions[petition.id] = petition
            site.changed()
        return site


def _parse_http_date(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        parsed = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    return parsed.replace(tzinfo=UTC) if parsed.tzinfo is None else parsed


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
        answer = _text_answer(405, "Method Not Allowed")
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
