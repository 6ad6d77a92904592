"""Superset's REST API as a logged-in user, and the Statsig dashboard the tests (and the demo) build through it."""

from __future__ import annotations

import json
from typing import Any

import requests


class SupersetApi:
    def __init__(self, url: str, user: str, password: str) -> None:
        self.url = url
        self.http = requests.Session()
        answer = self.http.post(
            url + "/api/v1/security/login",
            json={"username": user, "password": password, "provider": "db", "refresh": True},
            timeout=60,
        )
        answer.raise_for_status()
        self.http.headers["Authorization"] = "Bearer " + answer.json()["access_token"]

    def call(self, method: str, path: str, expect: int | tuple[int, ...] = (200, 201), **kwargs: Any) -> Any:
        answer = self.http.request(method, self.url + path, timeout=300, **kwargs)
        expected = (expect,) if isinstance(expect, int) else expect
        assert answer.status_code in expected, f"{method} {path}: {answer.status_code} {answer.text[:2000]}"
        return answer.json()

    def get(self, path: str, **kwargs: Any) -> Any:
        return self.call("GET", path, **kwargs)

    def post(self, path: str, body: dict[str, Any], **kwargs: Any) -> Any:
        return self.call("POST", path, json=body, **kwargs)


def metric(column: str, aggregate: str = "MAX") -> dict[str, Any]:
    return {"expressionType": "SIMPLE", "column": {"column_name": column}, "aggregate": aggregate, "label": column}


def equals(column: str, value: str) -> dict[str, Any]:
    return {"expressionType": "SIMPLE", "subject": column, "operator": "==", "comparator": value, "clause": "WHERE"}


# The seed questions' charts: (name, dataset, viz_type, form data). Each one's rows are checked by the tests.
SHIPPED_SQL = """SELECT "e"."id" AS "experiment_id", "e"."end_time" AS "decided_at", "r"."test_group_name",
  "r"."percent_change", "r"."p_value"
FROM "statsig"."experiments" AS "e"
LEFT JOIN "statsig"."experiment_results" AS "r" ON "r"."experiment_id" = "e"."id"
  AND "r"."metric_id" = 'activation::event_user' AND "r"."test_group_id" = "e"."launched_group_id"
WHERE "e"."status" = 'decision_made' AND "e"."launched_group_id" <> "e"."control_group_id"
  AND "e"."end_time" >= FLOOR(CURRENT_TIMESTAMP TO QUARTER)"""

CHARTS: list[tuple[str, str, str, dict[str, Any]]] = [
    (
        "Shipped this quarter: effect on activation",
        "shipped_this_quarter",
        "table",
        {"query_mode": "raw", "all_columns": ["experiment_id", "decided_at", "test_group_name", "percent_change",
                                              "p_value"], "order_by_cols": [], "row_limit": 100},
    ),
    (
        "Exposure split: new_onboarding",
        "gate_results",
        "echarts_timeseries_bar",
        {"x_axis": "rule_name", "metrics": [metric("units_passed"), metric("units_failed")], "groupby": [],
         "adhoc_filters": [equals("gate_id", "new_onboarding")], "row_limit": 100, "x_axis_sort_asc": True},
    ),
    (
        "checkout_v2: revenue per user lift (%)",
        "experiment_results",
        "echarts_timeseries_bar",
        {"x_axis": "test_group_name", "metrics": [metric("percent_change")], "groupby": [],
         "adhoc_filters": [equals("experiment_id", "checkout_v2"), equals("metric_id", "revenue_per_user::sum")],
         "row_limit": 100},
    ),
    (
        "Activation per day, last month",
        "metric_values",
        "echarts_timeseries_line",
        {"x_axis": "ds", "time_grain_sqla": "P1D", "metrics": [metric("value")], "groupby": [],
         "adhoc_filters": [equals("metric_id", "activation::event_user"),
                           {"expressionType": "SIMPLE", "subject": "ds", "operator": "TEMPORAL_RANGE",
                            "comparator": "Last month", "clause": "WHERE"}],
         "row_limit": 1000},
    ),
    (
        "Experiments by status",
        "experiments",
        "pie",
        {"groupby": ["status"], "metric": "count", "adhoc_filters": [], "row_limit": 100},
    ),
]


def query_context(dataset_id: int, viz_type: str, form: dict[str, Any]) -> dict[str, Any]:
    """The chart-data request Superset's frontend builds from a chart's form data (the parts these charts use)."""
    if form.get("query_mode") == "raw":
        query: dict[str, Any] = {"columns": form["all_columns"], "metrics": [], "orderby": []}
    elif "x_axis" in form:
        axis = {"columnType": "BASE_AXIS", "sqlExpression": form["x_axis"], "label": form["x_axis"],
                "expressionType": "SQL", **({"timeGrain": form["time_grain_sqla"]} if "time_grain_sqla" in form else {})}
        query = {"columns": [axis], "metrics": form["metrics"], "orderby": [[form["metrics"][0], False]]}
    else:
        query = {"columns": form["groupby"], "metrics": [form["metric"]], "orderby": [[form["metric"], False]]}
    filters = [
        {"col": f["subject"], "op": f["operator"], "val": f["comparator"]}
        for f in form.get("adhoc_filters", [])
    ]
    # Superset puts the query's time_range into its TEMPORAL_RANGE filters, as the frontend sends them.
    time_range = next((f["val"] for f in filters if f["op"] == "TEMPORAL_RANGE"), "No filter")
    query.update({"filters": filters, "row_limit": form["row_limit"], "extras": {}, "time_range": time_range})
    if "time_grain_sqla" in form:
        query["extras"]["time_grain_sqla"] = form["time_grain_sqla"]
    return {
        "datasource": {"id": dataset_id, "type": "table"},
        "queries": [query],
        "form_data": {**form, "viz_type": viz_type, "datasource": f"{dataset_id}__table"},
        "result_format": "json",
        "result_type": "full",
    }


def dataset(api: SupersetApi, database_id: int, name: str, sql: str | None = None) -> int:
    body: dict[str, Any] = {"database": database_id, "schema": "statsig", "table_name": name}
    if sql is not None:
        body["sql"] = sql
    return int(api.post("/api/v1/dataset/", body)["id"])


def build_dashboard(api: SupersetApi, database_id: int, title: str) -> tuple[int, dict[str, int], dict[str, int]]:
    """Datasets, the charts above and a dashboard of them; ids of the dashboard, datasets (by name) and charts."""
    datasets: dict[str, int] = {}
    for _, name, _, _ in CHARTS:
        if name not in datasets:
            datasets[name] = dataset(api, database_id, name, SHIPPED_SQL if name == "shipped_this_quarter" else None)
    dashboard_id = int(api.post("/api/v1/dashboard/", {"dashboard_title": title, "published": True})["id"])
    charts: dict[str, int] = {}
    for chart_name, name, viz_type, form in CHARTS:
        params = {**form, "viz_type": viz_type, "datasource": f"{datasets[name]}__table"}
        charts[chart_name] = int(api.post("/api/v1/chart/", {
            "slice_name": chart_name, "viz_type": viz_type, "datasource_id": datasets[name],
            "datasource_type": "table", "params": json.dumps(params),
            "query_context": json.dumps(query_context(datasets[name], viz_type, form)),
            "dashboards": [dashboard_id],
        })["id"])
    api.call("PUT", f"/api/v1/dashboard/{dashboard_id}", json={"position_json": json.dumps(layout(charts))})
    return dashboard_id, datasets, charts


def layout(charts: dict[str, int]) -> dict[str, Any]:
    """Two charts a row, each half the width."""
    position: dict[str, Any] = {
        "DASHBOARD_VERSION_KEY": "v2",
        "ROOT_ID": {"type": "ROOT", "id": "ROOT_ID", "children": ["GRID_ID"]},
        "GRID_ID": {"type": "GRID", "id": "GRID_ID", "children": [], "parents": ["ROOT_ID"]},
    }
    ids = list(charts.values())
    for row_number in range(0, len(ids), 2):
        row = f"ROW-{row_number}"
        position["GRID_ID"]["children"].append(row)
        position[row] = {"type": "ROW", "id": row, "children": [], "parents": ["ROOT_ID", "GRID_ID"],
                         "meta": {"background": "BACKGROUND_TRANSPARENT"}}
        for chart_id in ids[row_number:row_number + 2]:
            key = f"CHART-{chart_id}"
            position[row]["children"].append(key)
            position[key] = {"type": "CHART", "id": key, "children": [], "parents": ["ROOT_ID", "GRID_ID", row],
                             "meta": {"chartId": chart_id, "width": 6, "height": 50}}
    return position
