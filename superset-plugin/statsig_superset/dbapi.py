"""A PEP 249 (DB-API 2.0) client of ``statsig-sql serve``: Avatica's JSON remote protocol over HTTP.

Pure Python on purpose: Superset's web and worker processes fork, which a JVM inside them would not
survive. Every request is one JSON object POSTed as ``application/json`` to the server's URL; an error
is HTTP 500 with Avatica's error answer, whose SQLState picks the exception class below.
"""

from __future__ import annotations

import datetime
import decimal
import uuid
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

import requests

apilevel = "2.0"
threadsafety = 1  # threads may share the module, not connections
paramstyle = "qmark"

FETCH_ROWS = 1000
"""Rows asked for per frame (the first one and each ``fetch``)."""

_EPOCH = datetime.datetime(1970, 1, 1)
_EPOCH_DAY = datetime.date(1970, 1, 1)


class Warning(Exception):  # noqa: A001 - the name PEP 249 prescribes
    pass


class Error(Exception):
    """Every error of this module; ``sqlstate`` is the server's SQLState when it gave one."""

    def __init__(self, message: str, sqlstate: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.sqlstate = sqlstate


class InterfaceError(Error):
    pass


class DatabaseError(Error):
    pass


class DataError(DatabaseError):
    pass


class OperationalError(DatabaseError):
    pass


class AuthenticationError(OperationalError):
    """The server refused the credentials (HTTP 401/403): sign in again or fix the password."""


class IntegrityError(DatabaseError):
    pass


class InternalError(DatabaseError):
    pass


class ProgrammingError(DatabaseError):
    pass


class NotSupportedError(DatabaseError):
    pass


def _error_for(sqlstate: str | None, message: str) -> Error:
    """The PEP 249 class for a SQLState: 42 bad SQL, 22 bad values or missing filters, 25006 a refused write."""
    state = sqlstate or ""
    if state == "25006" or state.startswith("0A"):
        return NotSupportedError(message, sqlstate)
    if state.startswith("42"):
        return ProgrammingError(message, sqlstate)
    if state.startswith("22"):
        return DataError(message, sqlstate)
    if state.startswith("08") or state.startswith("28") or state.startswith("HY"):
        return OperationalError(message, sqlstate)
    return DatabaseError(message, sqlstate)


class _TypeObject:
    """Compares equal to every JDBC type name of one kind (PEP 249 type objects)."""

    def __init__(self, *names: str) -> None:
        self.names = frozenset(names)

    def __eq__(self, other: object) -> bool:
        return other in self.names

    def __hash__(self) -> int:
        return hash(self.names)


STRING = _TypeObject("VARCHAR", "CHAR", "LONGVARCHAR", "NVARCHAR", "NCHAR", "CLOB")
BINARY = _TypeObject("BINARY", "VARBINARY", "LONGVARBINARY", "BLOB")
NUMBER = _TypeObject("TINYINT", "SMALLINT", "INTEGER", "BIGINT", "REAL", "FLOAT", "DOUBLE", "DECIMAL", "NUMERIC")
DATETIME = _TypeObject("DATE", "TIME", "TIMESTAMP", "TIMESTAMP_WITH_TIMEZONE", "TIMESTAMP WITH LOCAL TIME ZONE")
ROWID = _TypeObject()

Date = datetime.date
Time = datetime.time
Timestamp = datetime.datetime


def Binary(value: bytes) -> bytes:  # noqa: N802 - PEP 249 name
    return bytes(value)


class Connection:
    """One Avatica connection on the server (a warm Statsig session there). Read-only: commit is a no-op."""

    def __init__(
        self,
        url: str,
        user: str | None = None,
        password: str | None = None,
        timeout: float = 300.0,
        session: requests.Session | None = None,
    ) -> None:
        self.url = url if url.endswith("/") else url + "/"
        self._http = session or requests.Session()
        self._http.headers["Content-Type"] = "application/json"
        if user is not None and password is not None:
            self._http.auth = (user, password)
        self._timeout = timeout
        self.id = str(uuid.uuid4())
        self.closed = False
        self.request("openConnection", info={})

    def __repr__(self) -> str:
        return f"<statsig_superset.dbapi.Connection {self.url} closed={self.closed}>"

    def request(self, kind: str, **fields: Any) -> dict[str, Any]:
        """One protocol request on this connection; Avatica's error answers become exceptions."""
        if self.closed:
            raise InterfaceError("The connection is closed")
        # "execute" names its connection inside its statement handle and accepts no other field for it.
        body = {"request": kind, **({} if kind == "execute" else {"connectionId": self.id}), **fields}
        try:
            response = self._http.post(self.url, json=body, timeout=self._timeout)
        except requests.RequestException as e:
            raise OperationalError(
                f"Cannot reach statsig-sql serve at {self.url} ({type(e).__name__}). Is it running? "
                "Start it with `statsig-sql serve --demo` (or --source NAME) and check the host and port."
            ) from None
        if response.status_code in (401, 403):
            raise AuthenticationError(
                f"statsig-sql serve at {self.url} refused the credentials (HTTP {response.status_code}): "
                "check the user and password (serve's --user and STATSIG_SQL_SERVE_PASSWORD or --password-file)."
            )
        try:
            answer: dict[str, Any] = response.json()
        except ValueError:
            raise OperationalError(
                f"{self.url} answered HTTP {response.status_code} without Avatica's JSON: is it statsig-sql serve?"
            ) from None
        if answer.get("response") == "error":
            # Only the message and SQLState: the answer's "exceptions" holds the server's stack trace.
            raise _error_for(answer.get("sqlState"), str(answer.get("errorMessage") or "The query failed"))
        return answer

    def cursor(self) -> Cursor:
        return Cursor(self)

    def commit(self) -> None:
        """Nothing to commit: the server is read-only."""

    def rollback(self) -> None:
        """Nothing to roll back: the server is read-only."""

    def close(self) -> None:
        if self.closed:
            return
        try:
            self.request("closeConnection")
        except Error:
            pass  # the server drops idle connections by itself
        finally:
            self.closed = True
            self._http.close()

    def __enter__(self) -> Connection:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # Metadata (Avatica's getSchemas, getTables, getColumns), rows as dicts keyed by lower-case JDBC names.

    def schemas(self) -> list[dict[str, Any]]:
        return self._metadata("getSchemas", catalog=None, schemaPattern=None)

    def tables(self, schema: str | None = None, table: str | None = None) -> list[dict[str, Any]]:
        return self._metadata(
            "getTables", catalog=None, schemaPattern=schema, tableNamePattern=table, typeList=None
        )

    def columns(self, schema: str | None, table: str | None) -> list[dict[str, Any]]:
        return self._metadata(
            "getColumns", catalog=None, schemaPattern=schema, tableNamePattern=table, columnNamePattern=None
        )

    def database_properties(self) -> dict[str, Any]:
        answer = self.request("databaseProperties")
        return {str(k): v for k, v in (answer.get("map") or {}).items()}

    def _metadata(self, kind: str, **fields: Any) -> list[dict[str, Any]]:
        result = self.request(kind, **fields)
        cursor = Cursor(self)
        cursor._take(result)
        names = [d[0].lower() for d in cursor.description or ()]
        rows = [dict(zip(names, row)) for row in cursor.fetchall()]
        cursor.close()
        return rows


class Cursor:
    arraysize = 1

    def __init__(self, connection: Connection) -> None:
        self.connection = connection
        self.description: list[tuple[Any, ...]] | None = None
        self.rowcount = -1
        self._statement: int | None = None
        self._types: list[str] = []
        self._rows: list[list[Any]] = []
        self._offset = 0
        self._done = True
        self._closed = False

    def execute(self, operation: str, parameters: Sequence[Any] | Mapping[str, Any] | None = None) -> Cursor:
        if self._closed:
            raise InterfaceError("The cursor is closed")
        if self._statement is None:
            self._statement = self.connection.request("createStatement")["statementId"]
        answer = self.connection.request(
            "prepareAndExecute",
            statementId=self._statement,
            sql=bind(operation, parameters) if parameters else operation,
            maxRowCount=-1,
            maxRowsInFirstFrame=FETCH_ROWS,
        )
        results = answer.get("results") or []
        if not results:
            raise InterfaceError("The server answered without a result")
        self._take(results[0])
        return self

    def executemany(self, operation: str, seq_of_parameters: Sequence[Sequence[Any]]) -> None:
        for parameters in seq_of_parameters:
            self.execute(operation, parameters)

    def _take(self, result: dict[str, Any]) -> None:
        """Reads one Avatica result set: its signature becomes ``description``, its first frame the first rows."""
        self._statement = result.get("statementId", self._statement)
        signature = result.get("signature")
        if signature is None:  # an update count: the server refuses writes, so this is not expected
            self.description, self._rows, self._done = None, [], True
            self.rowcount = int(result.get("updateCount", -1))
            return
        columns = signature.get("columns") or []
        self._types = [str(c["type"].get("name") or "") for c in columns]
        self.description = [
            (
                c.get("label") or c.get("columnName"),
                str(c["type"].get("name") or ""),
                c.get("displaySize"),
                None,
                c.get("precision"),
                c.get("scale"),
                c.get("nullable") != 0,
            )
            for c in columns
        ]
        frame = result.get("firstFrame") or {"rows": [], "done": True, "offset": 0}
        self._load(frame)
        self.rowcount = -1

    def _load(self, frame: dict[str, Any]) -> None:
        rows = frame.get("rows") or []
        self._rows = [[_value(v, t) for v, t in zip(row, self._types)] for row in rows]
        self._offset = int(frame.get("offset", 0)) + len(rows)
        self._done = bool(frame.get("done", True))

    def _next_frame(self) -> bool:
        if self._done or self._statement is None:
            return False
        frame = self.connection.request(
            "fetch", statementId=self._statement, offset=self._offset, fetchMaxRowCount=FETCH_ROWS
        )["frame"]
        self._load(frame)
        return bool(self._rows) or not self._done

    def __iter__(self) -> Iterator[tuple[Any, ...]]:
        while True:
            row = self.fetchone()
            if row is None:
                return
            yield row

    def fetchone(self) -> tuple[Any, ...] | None:
        while not self._rows:
            if not self._next_frame():
                return None
        return tuple(self._rows.pop(0))

    def fetchmany(self, size: int | None = None) -> list[tuple[Any, ...]]:
        out: list[tuple[Any, ...]] = []
        for _ in range(size or self.arraysize):
            row = self.fetchone()
            if row is None:
                break
            out.append(row)
        return out

    def fetchall(self) -> list[tuple[Any, ...]]:
        out = [tuple(r) for r in self._rows]
        self._rows = []
        while self._next_frame():
            out.extend(tuple(r) for r in self._rows)
            self._rows = []
        return out

    def setinputsizes(self, sizes: object) -> None:
        pass

    def setoutputsize(self, size: int, column: int | None = None) -> None:
        pass

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        if self._statement is not None and not self.connection.closed:
            try:
                self.connection.request("closeStatement", statementId=self._statement)
            except Error:
                pass  # closing the connection closes its statements too


def _value(value: Any, type_name: str) -> Any:
    """Avatica JSON sends dates as days and timestamps/times as milliseconds since the epoch."""
    if value is None:
        return None
    if type_name == "DATE" and isinstance(value, int):
        return _EPOCH_DAY + datetime.timedelta(days=value)
    if type_name.startswith("TIMESTAMP") and isinstance(value, int):
        return _EPOCH + datetime.timedelta(milliseconds=value)
    if type_name == "TIME" and isinstance(value, int):
        return (_EPOCH + datetime.timedelta(milliseconds=value)).time()
    if type_name in ("DECIMAL", "NUMERIC") and not isinstance(value, bool):
        return decimal.Decimal(str(value))
    return value


def literal(value: Any) -> str:
    """A Python value as a Calcite SQL literal."""
    if value is None:
        return "NULL"
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, (int, float, decimal.Decimal)):
        return repr(value) if isinstance(value, float) else str(value)
    if isinstance(value, datetime.datetime):
        return f"TIMESTAMP '{value.replace(tzinfo=None).isoformat(sep=' ')}'"
    if isinstance(value, datetime.date):
        return f"DATE '{value.isoformat()}'"
    if isinstance(value, datetime.time):
        return f"TIME '{value.isoformat()}'"
    return "'" + str(value).replace("'", "''") + "'"


def bind(sql: str, parameters: Sequence[Any] | Mapping[str, Any]) -> str:
    """Puts the parameters into the ? marks as literals, in the client.

    The server's key pushdown (a required filter such as ``experiment_id = ...``) reads literals; a
    dynamic parameter would leave the filter unseen and the query refused. Marks inside strings,
    quoted names and comments are left alone.
    """
    if isinstance(parameters, Mapping):
        raise ProgrammingError("Parameters are positional (paramstyle qmark): pass a sequence for the ? marks")
    values = iter(parameters)
    out: list[str] = []
    i, n = 0, len(sql)
    while i < n:
        c = sql[i]
        if c in "'\"":
            end = i + 1
            while end < n:
                if sql[end] == c:
                    if end + 1 < n and sql[end + 1] == c:
                        end += 2
                        continue
                    break
                end += 1
            out.append(sql[i : end + 1])
            i = end + 1
        elif sql.startswith("--", i):
            end = sql.find("\n", i)
            end = n if end < 0 else end
            out.append(sql[i:end])
            i = end
        elif sql.startswith("/*", i):
            end = sql.find("*/", i + 2)
            end = n if end < 0 else end + 2
            out.append(sql[i:end])
            i = end
        elif c == "?":
            try:
                out.append(literal(next(values)))
            except StopIteration:
                raise ProgrammingError("The statement has more ? marks than parameters were given") from None
            i += 1
        else:
            out.append(c)
            i += 1
    if next(values, _NO_MORE) is not _NO_MORE:
        raise ProgrammingError("More parameters were given than the statement has ? marks")
    return "".join(out)


_NO_MORE = object()


def connect(
    url: str = "http://127.0.0.1:8765/",
    user: str | None = None,
    password: str | None = None,
    timeout: float = 300.0,
) -> Connection:
    """Connects to ``statsig-sql serve`` at ``url`` (its default: 127.0.0.1:8765, no password on loopback)."""
    return Connection(url, user=user, password=password, timeout=timeout)
