from __future__ import annotations

import datetime
import decimal

import pytest

from serve_process import ServeProcess
from statsig_superset import dbapi


def test_types_arrive_as_python_values(connection: dbapi.Connection) -> None:
    cursor = connection.cursor()
    cursor.execute(
        "SELECT TIMESTAMP '2024-09-05 10:11:12.345', DATE '2024-09-05', TIME '10:11:12', "
        "CAST(1.25 AS DECIMAL(5, 2)), TRUE, CAST(NULL AS VARCHAR), 'x', CAST(7 AS BIGINT), CAST(0.5 AS DOUBLE)"
    )
    assert cursor.fetchall() == [
        (
            datetime.datetime(2024, 9, 5, 10, 11, 12, 345000),
            datetime.date(2024, 9, 5),
            datetime.time(10, 11, 12),
            decimal.Decimal("1.25"),
            True,
            None,
            "x",
            7,
            0.5,
        )
    ]
    assert [d[1] for d in cursor.description or ()] == [
        "TIMESTAMP", "DATE", "TIME", "DECIMAL", "BOOLEAN", "VARCHAR", "CHAR", "BIGINT", "DOUBLE"
    ]
    assert cursor.description[0][1] == dbapi.DATETIME and cursor.description[7][1] == dbapi.NUMBER


def test_rows_page_across_frames(connection: dbapi.Connection, monkeypatch: pytest.MonkeyPatch) -> None:
    everything = connection.cursor().execute("SELECT id FROM experiments ORDER BY id").fetchall()
    assert len(everything) > 20
    monkeypatch.setattr(dbapi, "FETCH_ROWS", 7)
    cursor = connection.cursor().execute("SELECT id FROM experiments ORDER BY id")
    assert cursor.fetchone() == everything[0]
    assert cursor.fetchmany(9) == everything[1:10]
    assert cursor.fetchall() == everything[10:]
    assert cursor.fetchone() is None


def test_parameters_are_literals_so_required_filters_push_down(connection: dbapi.Connection) -> None:
    cursor = connection.cursor()
    cursor.execute(
        "SELECT test_group_name, metric_id FROM experiment_results WHERE experiment_id = ? AND metric_id = ? "
        "-- a comment with a ? mark\n ORDER BY 1",
        ["checkout_v2", "revenue_per_user::sum"],
    )
    assert cursor.fetchall() == [("Single-page checkout", "revenue_per_user::sum")]


def test_bind_leaves_marks_in_strings_names_and_comments_alone() -> None:
    assert (
        dbapi.bind("SELECT '?', \"a?\", ? /* ? */ , ? -- ?\n, ?", ["it's", datetime.date(2024, 9, 1), None])
        == "SELECT '?', \"a?\", 'it''s' /* ? */ , DATE '2024-09-01' -- ?\n, NULL"
    )
    with pytest.raises(dbapi.ProgrammingError, match="more \\? marks"):
        dbapi.bind("SELECT ?, ?", [1])
    with pytest.raises(dbapi.ProgrammingError, match="More parameters"):
        dbapi.bind("SELECT ?", [1, 2])


def test_a_missing_required_filter_names_the_filter_and_an_example(connection: dbapi.Connection) -> None:
    with pytest.raises(dbapi.DataError) as raised:
        connection.cursor().execute("SELECT * FROM experiment_results")
    assert raised.value.sqlstate == "22023"
    assert "experiment_id" in raised.value.message
    assert "WHERE experiment_id = 'checkout_v2'" in raised.value.message
    assert "\tat " not in str(raised.value) and "Exception" not in str(raised.value)


def test_writes_are_refused_and_bad_sql_is_a_programming_error(connection: dbapi.Connection) -> None:
    with pytest.raises(dbapi.NotSupportedError) as refused:
        connection.cursor().execute("DELETE FROM experiments WHERE id = 'checkout_v2'")
    assert refused.value.sqlstate == "25006"
    with pytest.raises(dbapi.ProgrammingError) as unknown:
        connection.cursor().execute("SELECT * FROM no_such_table")
    assert unknown.value.sqlstate == "42S02"


def test_an_unreachable_server_says_how_to_start_it(serve: ServeProcess) -> None:
    with pytest.raises(dbapi.OperationalError, match="statsig-sql serve --demo"):
        dbapi.connect("http://127.0.0.1:9/", timeout=5)


def test_metadata_carries_remarks_and_machine_readable_keys(connection: dbapi.Connection) -> None:
    schemas = {row["table_schem"] for row in connection.schemas()}
    assert "statsig" in schemas
    assert "metadata" not in schemas  # the driver removes Calcite's own catalog schema
    tables = {row["table_name"]: row for row in connection.tables("statsig")}
    assert tables["experiment_results"]["example_query"] == (
        "SELECT * FROM statsig.experiment_results WHERE experiment_id = 'checkout_v2'"
    )
    assert tables["experiments"]["remarks"]
    required = [
        (row["column_name"], row["filter_operators"])
        for row in connection.columns("statsig", "metric_values")
        if row["is_required_filter"] == "YES"
    ]
    assert required == [("metric_id", "=,IN"), ("ds", "=,IN,RANGE")]


def test_closing_twice_is_harmless_and_a_closed_connection_refuses_work(serve: ServeProcess) -> None:
    c = dbapi.connect(serve.url)
    cursor = c.cursor()
    c.close()
    c.close()
    with pytest.raises(dbapi.InterfaceError, match="closed"):
        cursor.execute("SELECT 1")
