"""Superset's engine spec for Statsig (``statsig://HOST:PORT/`` through ``statsig-sql serve``).

Imported only inside Superset (its ``superset.db_engine_specs`` entry point): the dialect and the
DB-API work without Superset.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import types

from superset.constants import TimeGrain
from superset.db_engine_specs.base import BaseEngineSpec
from superset.errors import ErrorLevel, SupersetError, SupersetErrorType

from statsig_superset import dbapi
from statsig_superset.dialect import DEFAULT_SCHEMA, StatsigDialect

if TYPE_CHECKING:
    from sqlalchemy.engine.interfaces import Dialect

    from superset.models.core import Database
    from superset.sql.parse import Table
    from superset.superset_typing import ResultSetColumnType

# Calcite rounds with FLOOR(ts TO unit); its weeks start on Sunday, so a Monday week is shifted by a day.
_TS = "CAST({col} AS TIMESTAMP)"
_SUNDAY_WEEK = f"FLOOR({_TS} TO WEEK)"
_MONDAY_WEEK = f"TIMESTAMPADD(DAY, 1, FLOOR(TIMESTAMPADD(DAY, -1, {_TS}) TO WEEK))"

# What each SQLState means to a Superset user, and what to do.
_ERRORS: dict[str, tuple[SupersetErrorType, str]] = {
    "22023": (
        SupersetErrorType.GENERIC_DB_ENGINE_ERROR,
        "{message} In a chart, add this filter (Filters, or the dashboard's native filter); in SQL Lab, add it to"
        " the WHERE clause.",
    ),
    "25006": (
        SupersetErrorType.DML_NOT_ALLOWED_ERROR,
        "Statsig is read-only: only SELECT queries run. {message}",
    ),
    "42S02": (SupersetErrorType.TABLE_DOES_NOT_EXIST_ERROR, "{message}"),
    "42S22": (SupersetErrorType.COLUMN_DOES_NOT_EXIST_ERROR, "{message}"),
    "28000": (
        SupersetErrorType.CONNECTION_ACCESS_DENIED_ERROR,
        "Statsig refused the sign-in: {message} Sign in again (statsig-sql sources add) and restart serve.",
    ),
}


def _sqlstate_error(ex: BaseException) -> dbapi.Error | None:
    """The DB-API error behind an exception Superset may have wrapped."""
    seen: BaseException | None = ex
    while seen is not None:
        if isinstance(seen, dbapi.Error):
            return seen
        seen = getattr(seen, "orig", None) or seen.__cause__
    return None


class StatsigEngineSpec(BaseEngineSpec):
    engine = StatsigDialect.name
    engine_name = "Statsig"
    default_driver = StatsigDialect.driver
    drivers = {StatsigDialect.driver: "statsig-sql serve (Avatica JSON over HTTP)"}
    sqlalchemy_uri_placeholder = "statsig://127.0.0.1:8765/"

    supports_file_upload = False
    disable_ssh_tunneling = True
    allows_joins = True
    allows_subqueries = True
    max_column_name_length = StatsigDialect.max_identifier_length

    _time_grain_expressions = {
        None: "{col}",
        TimeGrain.SECOND: f"FLOOR({_TS} TO SECOND)",
        TimeGrain.MINUTE: f"FLOOR({_TS} TO MINUTE)",
        TimeGrain.HOUR: f"FLOOR({_TS} TO HOUR)",
        TimeGrain.DAY: f"FLOOR({_TS} TO DAY)",
        TimeGrain.WEEK: _MONDAY_WEEK,
        TimeGrain.WEEK_STARTING_MONDAY: _MONDAY_WEEK,
        TimeGrain.WEEK_STARTING_SUNDAY: _SUNDAY_WEEK,
        TimeGrain.WEEK_ENDING_SATURDAY: f"TIMESTAMPADD(DAY, 6, {_SUNDAY_WEEK})",
        TimeGrain.WEEK_ENDING_SUNDAY: f"TIMESTAMPADD(DAY, 6, {_MONDAY_WEEK})",
        TimeGrain.MONTH: f"FLOOR({_TS} TO MONTH)",
        TimeGrain.QUARTER: f"FLOOR({_TS} TO QUARTER)",
        TimeGrain.YEAR: f"FLOOR({_TS} TO YEAR)",
    }

    @classmethod
    def epoch_to_dttm(cls) -> str:
        return "TIMESTAMPADD(SECOND, {col}, TIMESTAMP '1970-01-01 00:00:00')"

    @classmethod
    def convert_dttm(cls, target_type: str, dttm: datetime, db_extra: dict[str, Any] | None = None) -> str | None:
        """DATE columns get a DATE literal (which the required ``ds`` filters push down); timestamps a TIMESTAMP one."""
        sqla_type = cls.get_sqla_column_type(target_type)
        if isinstance(sqla_type, types.Date) and not isinstance(sqla_type, types.DateTime):
            return f"DATE '{dttm.date().isoformat()}'"
        if isinstance(sqla_type, (types.DateTime, types.TIMESTAMP)):
            return f"TIMESTAMP '{dttm.replace(tzinfo=None).isoformat(sep=' ', timespec='milliseconds')}'"
        return None

    @classmethod
    def extract_errors(
        cls, ex: Exception, context: dict[str, Any] | None = None, database_name: str | None = None
    ) -> list[SupersetError]:
        error = _sqlstate_error(ex)
        known = _ERRORS.get(error.sqlstate or "") if error is not None else None
        if error is None or known is None:
            return super().extract_errors(ex, context, database_name)
        error_type, message = known
        return [
            SupersetError(
                error_type=error_type,
                message=message.format(message=error.message),
                level=ErrorLevel.ERROR,
                extra={"engine_name": cls.engine_name, "sqlstate": error.sqlstate},
            )
        ]

    @classmethod
    def get_schema_names(cls, inspector: Any) -> set[str]:
        """Statsig's tables and any attached databases; Calcite's own ``metadata`` schema is left out."""
        return {name for name in inspector.get_schema_names() if name != "metadata"}

    @classmethod
    def select_star(  # pylint: disable=too-many-arguments
        cls,
        database: Database,
        table: Table,
        dialect: Dialect,
        limit: int = 100,
        show_cols: bool = False,
        indent: bool = True,
        latest_partition: bool = True,
        cols: list[ResultSetColumnType] | None = None,
    ) -> str:
        """A table with required filters previews through its example query (which has them), not SELECT *."""
        schema = table.schema or DEFAULT_SCHEMA
        with database.get_sqla_engine(schema=schema) as engine, engine.connect() as connection:
            dialect_impl: StatsigDialect = engine.dialect  # type: ignore[assignment]
            if dialect_impl.get_required_filters(connection, table.table, schema):
                example = dialect_impl.get_example_query(connection, table.table, schema)
                if example:
                    return f"{example}\nLIMIT {int(limit)}" if limit else example
        return super().select_star(database, table, dialect, limit, show_cols, indent, latest_partition, cols)
