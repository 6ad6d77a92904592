"""SQLAlchemy 1.4 dialect for ``statsig://HOST:PORT/``: Calcite's SQL through ``statsig-sql serve``.

Calcite folds unquoted names to lower case and reserves words that SQL generators use as aliases
(``count``, ``year``, ``value``), so the preparer quotes those (the list is Calcite's own, in
``reserved_words.txt``). Reflection reads Avatica's ``getSchemas``/``getTables``/``getColumns``, whose
rows carry the key columns machine-readable after JDBC's own columns (``IS_PRIMARY_KEY``,
``IS_REQUIRED_FILTER``, ``FILTER_OPERATORS``, and the table's ``EXAMPLE_QUERY``).
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from types import ModuleType
from typing import Any

from sqlalchemy import types
from sqlalchemy.engine import default
from sqlalchemy.engine.url import URL
from sqlalchemy.sql import compiler

from statsig_superset import dbapi

DEFAULT_PORT = 8765
DEFAULT_SCHEMA = "statsig"

# JDBC type codes (java.sql.Types) to SQLAlchemy types; anything else reflects as NullType.
JDBC_TYPES: dict[int, type[types.TypeEngine[Any]] | types.TypeEngine[Any]] = {
    -7: types.Boolean,
    16: types.Boolean,
    -6: types.SmallInteger,
    5: types.SmallInteger,
    4: types.Integer,
    -5: types.BigInteger,
    6: types.Float,
    7: types.Float,
    8: types.Float,
    2: types.Numeric,
    3: types.Numeric,
    1: types.CHAR,
    12: types.String,
    -1: types.Text,
    -9: types.String,
    -15: types.CHAR,
    91: types.Date,
    92: types.Time,
    93: types.DateTime,
    2014: types.DateTime(timezone=True),
    -2: types.LargeBinary,
    -3: types.LargeBinary,
}


@lru_cache(maxsize=1)
def reserved_words() -> frozenset[str]:
    text = resources.files("statsig_superset").joinpath("reserved_words.txt").read_text(encoding="utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


def sql_type(jdbc_type: int | None) -> types.TypeEngine[Any]:
    found = JDBC_TYPES.get(jdbc_type or 0)
    if found is None:
        return types.NullType()
    return found() if isinstance(found, type) else found


class CalciteIdentifierPreparer(compiler.IdentifierPreparer):
    """Double quotes around Calcite's reserved words and any name that is not plain lower case."""

    reserved_words = reserved_words()

    def __init__(self, dialect: default.DefaultDialect) -> None:
        super().__init__(dialect, initial_quote='"', escape_quote='"')


class CalciteTypeCompiler(compiler.GenericTypeCompiler):
    """Calcite's names for the types SQLAlchemy would call DATETIME and FLOAT."""

    def visit_datetime(self, type_: Any, **kw: Any) -> str:
        return "TIMESTAMP"

    def visit_DATETIME(self, type_: Any, **kw: Any) -> str:  # noqa: N802 - SQLAlchemy's visitor name
        return "TIMESTAMP"

    def visit_float(self, type_: Any, **kw: Any) -> str:
        return "DOUBLE"

    def visit_text(self, type_: Any, **kw: Any) -> str:
        return "VARCHAR"

    def visit_large_binary(self, type_: Any, **kw: Any) -> str:
        return "VARBINARY"


class CalciteCompiler(compiler.SQLCompiler):
    """LIMIT and OFFSET as Calcite writes them (no ``LIMIT -1`` for an offset alone)."""

    def limit_clause(self, select: Any, **kw: Any) -> str:
        text = ""
        if select._limit_clause is not None:
            text += "\n LIMIT " + self.process(select._limit_clause, **kw)
        if select._offset_clause is not None:
            text += "\n OFFSET " + self.process(select._offset_clause, **kw)
        return text


class StatsigDialect(default.DefaultDialect):
    name = "statsig"
    driver = "avatica"
    supports_statement_cache = True
    supports_alter = False
    supports_sequences = False
    supports_native_boolean = True
    supports_native_decimal = True
    supports_unicode_statements = True
    supports_unicode_binds = True
    returns_unicode_strings = True
    description_encoding = None
    postfetch_lastrowid = False
    default_paramstyle = "qmark"
    preparer = CalciteIdentifierPreparer
    type_compiler = CalciteTypeCompiler
    statement_compiler = CalciteCompiler
    max_identifier_length = 128

    @classmethod
    def dbapi(cls) -> ModuleType:  # SQLAlchemy 1.4
        return dbapi

    @classmethod
    def import_dbapi(cls) -> ModuleType:  # SQLAlchemy 2.x
        return dbapi

    def create_connect_args(self, url: URL) -> tuple[list[Any], dict[str, Any]]:
        """``statsig://[user:password@]host[:port]/`` (``?protocol=https`` behind a TLS proxy) to serve's URL."""
        protocol = str(url.query.get("protocol", "http"))
        if protocol not in ("http", "https"):
            raise ValueError(f"protocol must be http or https, not {protocol}")
        host = url.host or "127.0.0.1"
        if ":" in host:
            host = f"[{host}]"
        kwargs: dict[str, Any] = {"url": f"{protocol}://{host}:{url.port or DEFAULT_PORT}/"}
        if url.username:
            kwargs["user"] = url.username
            kwargs["password"] = url.password or ""
        return [], kwargs

    def do_ping(self, dbapi_connection: dbapi.Connection) -> bool:
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
        finally:
            cursor.close()

    def do_rollback(self, dbapi_connection: dbapi.Connection) -> None:
        """Read-only: nothing to roll back."""

    def do_commit(self, dbapi_connection: dbapi.Connection) -> None:
        """Read-only: nothing to commit."""

    def _get_default_schema_name(self, connection: Any) -> str:
        return DEFAULT_SCHEMA

    def _get_server_version_info(self, connection: Any) -> tuple[int, ...] | None:
        return None

    @staticmethod
    def _raw(connection: Any) -> dbapi.Connection:
        """The DB-API connection under a SQLAlchemy connection (its pool proxy forwards our methods)."""
        return connection.connection  # type: ignore[no-any-return]

    def get_schema_names(self, connection: Any, **kw: Any) -> list[str]:
        return [row["table_schem"] for row in self._raw(connection).schemas()]

    def _tables(self, connection: Any, schema: str | None, kinds: tuple[str, ...]) -> list[str]:
        rows = self._raw(connection).tables(schema or DEFAULT_SCHEMA)
        return [row["table_name"] for row in rows if row.get("table_type") in kinds]

    def get_table_names(self, connection: Any, schema: str | None = None, **kw: Any) -> list[str]:
        return self._tables(connection, schema, ("TABLE", "SYSTEM TABLE"))

    def get_view_names(self, connection: Any, schema: str | None = None, **kw: Any) -> list[str]:
        return self._tables(connection, schema, ("VIEW",))

    def has_table(self, connection: Any, table_name: str, schema: str | None = None, **kw: Any) -> bool:
        return any(row["table_name"] == table_name for row in self._raw(connection).tables(schema or DEFAULT_SCHEMA))

    def _columns(self, connection: Any, table_name: str, schema: str | None) -> list[dict[str, Any]]:
        # Avatica's name patterns are LIKE patterns, where _ matches any character: keep the table's own rows.
        rows = self._raw(connection).columns(schema or DEFAULT_SCHEMA, table_name)
        return [row for row in rows if row["table_name"] == table_name]

    def get_columns(
        self, connection: Any, table_name: str, schema: str | None = None, **kw: Any
    ) -> list[dict[str, Any]]:
        return [
            {
                "name": row["column_name"],
                "type": sql_type(row.get("data_type")),
                "nullable": row.get("nullable") != 0,
                "default": None,
                "autoincrement": False,
                "comment": row.get("remarks"),
            }
            for row in self._columns(connection, table_name, schema)
        ]

    def get_pk_constraint(
        self, connection: Any, table_name: str, schema: str | None = None, **kw: Any
    ) -> dict[str, Any]:
        keys = [r["column_name"] for r in self._columns(connection, table_name, schema) if r.get("is_primary_key") == "YES"]
        return {"constrained_columns": keys, "name": f"{table_name}_pk" if keys else None}

    def get_required_filters(self, connection: Any, table_name: str, schema: str | None = None) -> list[str]:
        """The columns a query on the table must filter on (else SQLState 22023)."""
        return [
            r["column_name"] for r in self._columns(connection, table_name, schema) if r.get("is_required_filter") == "YES"
        ]

    def get_example_query(self, connection: Any, table_name: str, schema: str | None = None) -> str | None:
        """A query on the table that returns rows, with every required filter (from the server's table catalog)."""
        for row in self._raw(connection).tables(schema or DEFAULT_SCHEMA, table_name):
            if row["table_name"] == table_name:
                return row.get("example_query")
        return None

    def get_table_comment(
        self, connection: Any, table_name: str, schema: str | None = None, **kw: Any
    ) -> dict[str, Any]:
        for row in self._raw(connection).tables(schema or DEFAULT_SCHEMA, table_name):
            if row["table_name"] == table_name:
                return {"text": row.get("remarks")}
        return {"text": None}

    def get_foreign_keys(self, connection: Any, table_name: str, schema: str | None = None, **kw: Any) -> list[Any]:
        return []

    def get_indexes(self, connection: Any, table_name: str, schema: str | None = None, **kw: Any) -> list[Any]:
        return []

    def get_unique_constraints(
        self, connection: Any, table_name: str, schema: str | None = None, **kw: Any
    ) -> list[Any]:
        return []

    def get_check_constraints(
        self, connection: Any, table_name: str, schema: str | None = None, **kw: Any
    ) -> list[Any]:
        return []
