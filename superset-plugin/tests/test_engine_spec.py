"""The engine spec against the real server: time grains on real rows, time filters, errors. Needs Superset importable."""

from __future__ import annotations

import datetime

import pytest
import sqlglot
from sqlalchemy import text
from sqlalchemy.engine import Engine

from statsig_superset import dbapi
from statsig_superset.engine_spec import StatsigEngineSpec

from superset.constants import TimeGrain
from superset.errors import SupersetErrorType


def floor(value: datetime.datetime, grain: str) -> datetime.datetime:
    """What each grain means, written independently of Calcite."""
    day = value.replace(hour=0, minute=0, second=0, microsecond=0)
    monday = day - datetime.timedelta(days=day.weekday())
    sunday = day - datetime.timedelta(days=(day.weekday() + 1) % 7)
    return {
        TimeGrain.SECOND: value.replace(microsecond=0),
        TimeGrain.MINUTE: value.replace(second=0, microsecond=0),
        TimeGrain.HOUR: value.replace(minute=0, second=0, microsecond=0),
        TimeGrain.DAY: day,
        TimeGrain.WEEK: monday,
        TimeGrain.WEEK_STARTING_MONDAY: monday,
        TimeGrain.WEEK_STARTING_SUNDAY: sunday,
        TimeGrain.WEEK_ENDING_SATURDAY: sunday + datetime.timedelta(days=6),
        TimeGrain.WEEK_ENDING_SUNDAY: monday + datetime.timedelta(days=6),
        TimeGrain.MONTH: day.replace(day=1),
        TimeGrain.QUARTER: day.replace(day=1, month=(day.month - 1) // 3 * 3 + 1),
        TimeGrain.YEAR: day.replace(day=1, month=1),
    }[grain]


GRAINS = [g for g in StatsigEngineSpec._time_grain_expressions if g is not None]


def rows(engine: Engine, sql: str) -> list[tuple[object, ...]]:
    sqlglot.parse_one(sql)
    with engine.connect() as c:
        return [tuple(r) for r in c.execute(text(sql))]


def test_every_grain_from_second_to_year_is_offered() -> None:
    assert {TimeGrain.SECOND, TimeGrain.MINUTE, TimeGrain.HOUR, TimeGrain.DAY, TimeGrain.WEEK, TimeGrain.MONTH,
            TimeGrain.QUARTER, TimeGrain.YEAR} <= set(GRAINS)


@pytest.mark.parametrize("grain", GRAINS)
def test_time_grains_on_real_timestamps(engine: Engine, grain: str) -> None:
    expression = StatsigEngineSpec._time_grain_expressions[grain].format(col='"start_time"')
    found = rows(engine, f'SELECT "start_time", {expression} AS "t" FROM "statsig"."experiments"'
                 ' WHERE "start_time" IS NOT NULL ORDER BY "id"')
    assert len(found) > 20
    for start, floored in found:
        assert isinstance(start, datetime.datetime)
        assert floored == floor(start, grain), (grain, start)


def test_grains_and_time_filters_on_a_date_column_push_the_required_range_down(engine: Engine) -> None:
    today = datetime.date.today()
    start = datetime.datetime.combine(today - datetime.timedelta(days=20), datetime.time())
    end = datetime.datetime.combine(today, datetime.time())
    week = StatsigEngineSpec._time_grain_expressions[TimeGrain.WEEK].format(col='"ds"')
    since = StatsigEngineSpec.convert_dttm("DATE", start)
    until = StatsigEngineSpec.convert_dttm("DATE", end)
    assert since == f"DATE '{start.date().isoformat()}'"
    found = rows(
        engine,
        f'SELECT "ds", {week} AS "ds_week", "value" AS "value" FROM "statsig"."metric_values" '
        f"WHERE \"metric_id\" = 'activation::event_user' AND \"ds\" >= {since} AND \"ds\" < {until} ORDER BY \"ds\"",
    )
    assert [r[0] for r in found] == [start.date() + datetime.timedelta(days=i) for i in range(20)]
    for ds, ds_week, _ in found:
        assert ds_week == floor(datetime.datetime.combine(ds, datetime.time()), TimeGrain.WEEK)


def test_timestamp_literals_filter_timestamp_columns(engine: Engine) -> None:
    all_starts = [r[0] for r in rows(engine, 'SELECT "start_time" FROM "statsig"."experiments"') if r[0] is not None]
    middle = sorted(all_starts)[len(all_starts) // 2]
    literal = StatsigEngineSpec.convert_dttm("TIMESTAMP", middle)
    assert literal is not None and literal.startswith("TIMESTAMP '")
    later = rows(engine, f'SELECT COUNT(*) FROM "statsig"."experiments" WHERE "start_time" >= {literal}')
    assert later == [(sum(1 for s in all_starts if s >= middle),)]
    assert StatsigEngineSpec.convert_dttm("VARCHAR", middle) is None
    assert "1970-01-01" in StatsigEngineSpec.epoch_to_dttm()
    assert rows(engine, "SELECT " + StatsigEngineSpec.epoch_to_dttm().format(col="86400")) == [
        (datetime.datetime(1970, 1, 2),)
    ]


def test_a_missing_filter_becomes_an_error_that_says_what_to_add(engine: Engine) -> None:
    with pytest.raises(Exception) as raised:
        rows(engine, 'SELECT * FROM "statsig"."experiment_results"')
    [error] = StatsigEngineSpec.extract_errors(raised.value)
    assert error.extra["sqlstate"] == "22023"
    assert "experiment_id" in error.message
    assert "WHERE experiment_id = 'checkout_v2'" in error.message
    assert "add this filter" in error.message


def test_writes_and_unknown_tables_map_to_supersets_error_types(connection: dbapi.Connection) -> None:
    for sql, expected in [
        ("DELETE FROM experiments", SupersetErrorType.DML_NOT_ALLOWED_ERROR),
        ("SELECT * FROM nope", SupersetErrorType.TABLE_DOES_NOT_EXIST_ERROR),
    ]:
        with pytest.raises(dbapi.Error) as raised:
            connection.cursor().execute(sql)
        [error] = StatsigEngineSpec.extract_errors(raised.value)
        assert error.error_type == expected


def test_no_file_upload_no_ssh_tunnel_and_secrets_masked() -> None:
    assert StatsigEngineSpec.supports_file_upload is False
    assert StatsigEngineSpec.disable_ssh_tunneling is True
    masked = StatsigEngineSpec.mask_encrypted_extra('{"oauth2_client_info": {"id": "c", "secret": "s3cret"}}')
    assert masked is not None and "s3cret" not in masked
    assert StatsigEngineSpec.engine == "statsig" and StatsigEngineSpec.default_driver == "avatica"
