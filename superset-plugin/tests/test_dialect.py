from __future__ import annotations

import sqlglot
from sqlalchemy import Column, Integer, MetaData, String, Table, column, func, inspect, literal_column, select, table, text
from sqlalchemy.engine import Engine
from sqlalchemy.sql import sqltypes

from statsig_superset import dbapi
from statsig_superset.dialect import StatsigDialect, reserved_words

SUPERSET_ALIASES = ["count", "year", "value", "date", "timestamp", "month", "day", "hour", "user", "rank"]


def runs_as_is_and_after_sqlglot(engine: Engine, sql: str) -> list[tuple[object, ...]]:
    """Runs SQL on the driver, and again as sqlglot writes it back (Superset formats SQL with sqlglot)."""
    with engine.connect() as c:
        rows = [tuple(r) for r in c.execute(text(sql))]
        again = [tuple(r) for r in c.execute(text(sqlglot.parse_one(sql).sql()))]
    assert rows == again
    return rows


def test_reserved_words_superset_uses_as_aliases_are_quoted_and_run(engine: Engine) -> None:
    assert set(SUPERSET_ALIASES) <= reserved_words()
    with engine.connect() as c:
        for word in SUPERSET_ALIASES:
            try:
                c.execute(text(f"SELECT 1 AS {word}"))
                raise AssertionError(f"Calcite took {word} unquoted: it need not be in reserved_words.txt")
            except Exception as e:  # noqa: BLE001 - any refusal proves the word reserved
                assert isinstance(getattr(e, "orig", e), dbapi.ProgrammingError), e
    query = select(*[literal_column("1").label(word) for word in SUPERSET_ALIASES])
    sql = str(query.compile(engine, compile_kwargs={"literal_binds": True}))
    assert '1 AS "count"' in sql and 'AS "value"' in sql and "AS ds" not in sql
    assert runs_as_is_and_after_sqlglot(engine, sql) == [tuple(1 for _ in SUPERSET_ALIASES)]


def test_a_superset_style_aggregate_compiles_and_runs(engine: Engine) -> None:
    experiments = table("experiments", column("status"), column("id"), schema="statsig")
    query = (
        select(experiments.c.status.label("status"), func.count().label("count"))
        .select_from(experiments)
        .group_by(experiments.c.status)
        .order_by(literal_column('"count"').desc())
        .limit(3)
        .offset(1)
    )
    sql = str(query.compile(engine, compile_kwargs={"literal_binds": True}))
    rows = runs_as_is_and_after_sqlglot(engine, sql)
    assert len(rows) == 3 and all(isinstance(n, int) and n > 0 for _, n in rows)


def test_reflection(engine: Engine) -> None:
    inspector = inspect(engine)
    assert "statsig" in inspector.get_schema_names()
    assert inspector.default_schema_name == "statsig"
    names = inspector.get_table_names("statsig")
    assert {"experiments", "experiment_results", "gates", "gate_results", "metric_values"} <= set(names)
    columns = {c["name"]: c for c in inspector.get_columns("experiment_results", "statsig")}
    assert isinstance(columns["p_value"]["type"], sqltypes.Float)
    assert isinstance(columns["test_units"]["type"], sqltypes.BigInteger)
    assert columns["percent_change"]["comment"] == "Relative change of test over control, in percent"
    values = {c["name"]: c for c in inspector.get_columns("metric_values", "statsig")}
    assert isinstance(values["ds"]["type"], sqltypes.Date)
    assert inspector.get_pk_constraint("experiments", "statsig")["constrained_columns"] == ["id"]
    assert inspector.get_pk_constraint("experiment_results", "statsig")["constrained_columns"] == []
    assert inspector.get_table_comment("experiments", "statsig")["text"]
    assert engine.dialect.has_table(engine.connect(), "gates", "statsig")
    with engine.connect() as c:
        assert engine.dialect.get_required_filters(c, "metric_values", "statsig") == ["metric_id", "ds"]


def test_the_table_reflects_and_a_core_query_on_it_runs(engine: Engine) -> None:
    gates = Table("gates", MetaData(), schema="statsig", autoload_with=engine)
    assert "id" in gates.c
    sql = str(select(gates.c.id).where(gates.c.id == "new_onboarding").compile(engine, compile_kwargs={"literal_binds": True}))
    assert runs_as_is_and_after_sqlglot(engine, sql) == [("new_onboarding",)]


def test_ping_and_connect_args(engine: Engine) -> None:
    with engine.connect() as c:
        assert engine.dialect.do_ping(c.connection.connection)
    from sqlalchemy.engine.url import make_url

    assert StatsigDialect().create_connect_args(make_url("statsig://reader:s3cret@example.org/?protocol=https")) == (
        [],
        {"url": "https://example.org:8765/", "user": "reader", "password": "s3cret"},
    )
    unused = Table("t", MetaData(), Column("a", Integer), Column("b", String))
    assert str(unused.c.a.type.compile(engine.dialect)) == "INTEGER"
