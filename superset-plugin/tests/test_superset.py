"""A real Superset 6.1.0 with the plugin, driven over REST as a user would through its pages."""

from __future__ import annotations

from typing import Any

import pytest
import requests
import sqlglot

from serve_process import ServeProcess
from superset_api import CHARTS, SupersetApi, query_context
from statsig_superset.dialect import SQLGLOT_DIALECT

def answer(serve: ServeProcess, question: str) -> dict[str, Any]:
    """The assistant's answer: its rows come from serve's own jdbc:statsig: connection (no Avatica, no plugin)."""
    found = requests.post(serve.url + "api/ask", json={"question": question}, timeout=300)
    found.raise_for_status()
    return found.json()  # type: ignore[no-any-return]


def chart_rows(api: SupersetApi, chart_id: int) -> list[dict[str, Any]]:
    result = api.get(f"/api/v1/chart/{chart_id}/data/")["result"]
    assert len(result) == 1 and not result[0].get("error"), result
    return result[0]["data"]  # type: ignore[no-any-return]


def test_statsig_is_offered_and_its_default_url_connects(api: SupersetApi, serve: ServeProcess) -> None:
    available = [d for d in api.get("/api/v1/database/available/")["databases"] if d["engine"] == "statsig"]
    assert available and available[0]["name"] == "Statsig"
    assert available[0]["available_drivers"] == ["avatica"]
    assert available[0]["engine_information"]["supports_file_upload"] is False
    assert api.post("/api/v1/database/test_connection/", {
        "sqlalchemy_uri": f"statsig://127.0.0.1:{serve.port}/", "database_name": "Statsig"}) == {"message": "OK"}
    refused = api.call("POST", "/api/v1/database/test_connection/", expect=(400, 422, 500), json={
        "sqlalchemy_uri": "statsig://127.0.0.1:9/", "database_name": "Statsig"})
    assert "statsig-sql serve" in str(refused)


def test_sql_lab_lists_schemas_and_tables_and_previews_a_table_with_required_filters(
    api: SupersetApi, database: int
) -> None:
    assert "statsig" in api.get(f"/api/v1/database/{database}/schemas/")["result"]
    tables = {t["value"] for t in api.get(f"/api/v1/database/{database}/tables/?q=(schema_name:statsig)")["result"]}
    assert {"experiments", "experiment_results", "gates", "gate_results", "metric_values"} <= tables
    metadata = api.get(f"/api/v1/database/{database}/table_metadata/?name=experiment_results&schema=statsig")
    assert {c["name"] for c in metadata["columns"]} >= {"experiment_id", "percent_change", "p_value"}
    preview = api.get(f"/api/v1/database/{database}/select_star/experiment_results/statsig/")["result"]
    assert "WHERE experiment_id = 'checkout_v2'" in preview
    sqlglot.parse_one(preview, read=SQLGLOT_DIALECT)
    rows = api.post("/api/v1/sqllab/execute/", {"database_id": database, "sql": preview, "schema": "statsig",
                                                 "runAsync": False})["data"]
    assert rows and {r["experiment_id"] for r in rows} == {"checkout_v2"}


def test_sql_lab_says_which_filter_is_missing(api: SupersetApi, database: int) -> None:
    failed = api.call("POST", "/api/v1/sqllab/execute/", expect=(400, 500), json={
        "database_id": database, "sql": "SELECT * FROM experiment_results", "schema": "statsig", "runAsync": False})
    [error] = failed["errors"]
    assert "experiment_id" in error["message"] and "WHERE experiment_id = 'checkout_v2'" in error["message"]
    assert "add this filter" in error["message"]
    assert "Traceback" not in str(failed) and "at org.apache" not in str(failed)


def test_chart_data_equals_the_direct_jdbc_answers_to_the_seed_questions(
    api: SupersetApi, serve: ServeProcess, dashboard: tuple[int, dict[str, int], dict[str, int]]
) -> None:
    _, _, charts = dashboard
    split = answer(serve, "What is the exposure split on the new-onboarding gate?")
    assert sorted((r["rule_name"], r["units_passed"], r["units_failed"])
                  for r in chart_rows(api, charts["Exposure split: new_onboarding"])) == sorted(map(tuple, split["rows"]))

    lift = answer(serve, "Did the checkout test move revenue per user?")
    expected = {r[lift["columns"].index("test_group_name")]: r[lift["columns"].index("percent_change")]
                for r in lift["rows"]}
    got = {r["test_group_name"]: r["percent_change"] for r in chart_rows(api, charts["checkout_v2: revenue per user lift (%)"])}
    assert got == pytest.approx(expected) and got

    shipped = answer(serve, "Which experiments shipped this quarter and what did they do to activation?")
    ids = shipped["columns"].index("experiment_id")
    change = shipped["columns"].index("percent_change")
    rows = chart_rows(api, charts["Shipped this quarter: effect on activation"])
    assert {(r["experiment_id"], r["percent_change"]) for r in rows} == {(s[ids], s[change]) for s in shipped["rows"]}


def test_a_daily_chart_on_a_required_date_range_and_every_chart_has_rows(
    api: SupersetApi, dashboard: tuple[int, dict[str, int], dict[str, int]]
) -> None:
    dashboard_id, datasets, charts = dashboard
    days = chart_rows(api, charts["Activation per day, last month"])
    assert 27 <= len(days) <= 31 and all(d["value"] is not None for d in days)
    for name, chart_id in charts.items():
        assert chart_rows(api, chart_id), name
    on_dashboard = api.get(f"/api/v1/dashboard/{dashboard_id}/charts")["result"]
    assert {c["slice_name"] for c in on_dashboard} == set(charts)
    # The SQL Superset generates for every chart parses with sqlglot (Superset reformats it with sqlglot).
    for chart_name, name, viz_type, form in CHARTS:
        context = {**query_context(datasets[name], viz_type, form), "result_type": "query"}
        [query] = api.post("/api/v1/chart/data", context)["result"]
        sqlglot.parse_one(query["query"], read=SQLGLOT_DIALECT)
        assert "FLOOR(CAST(" in query["query"] if "time_grain_sqla" in form else True
