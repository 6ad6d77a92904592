"""Superset's pages in headless Chromium (Debian's, driven by Playwright): SQL Lab and the dashboard."""

from __future__ import annotations

import os
import shutil
import urllib.parse
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect, sync_playwright

from superset_process import SupersetProcess

# A Statsig query waits for MCP calls; a page's first load for Superset's bundles.
expect.set_options(timeout=120_000)

CHROMIUM_FLAGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync",
]


def chromium() -> str:
    found = os.environ.get("CHROMIUM") or shutil.which("chromium")
    if not found:
        # Never a skip: a missing browser fails the run with what to install (.ci/run installs it).
        pytest.fail("No chromium on PATH: install Debian's chromium (apt-get install chromium fonts-dejavu-core).")
    return found


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=chromium(), args=CHROMIUM_FLAGS)
        yield launched
        launched.close()


@pytest.fixture()
def page(browser: Browser, superset: SupersetProcess, admin: tuple[str, str]) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    page.set_default_timeout(120_000)
    page.goto(superset.url + "/login/")
    page.fill('[data-test="username-input"]', admin[0])
    page.fill('[data-test="password-input"]', admin[1])
    page.click('[data-test="login-button"]')
    page.wait_for_url(lambda url: "/login" not in url)
    yield page
    context.close()


def test_sql_lab_runs_a_statsig_query(page: Page, superset: SupersetProcess, database: int, output: Path) -> None:
    sql = 'SELECT "rule_name", "units_passed" FROM "gate_results" WHERE "gate_id" = \'new_onboarding\' ORDER BY 1'
    page.goto(f"{superset.url}/sqllab/?" + urllib.parse.urlencode({"dbid": database, "sql": sql, "schema": "statsig"}))
    try:
        page.get_by_role("button", name="Run").first.click()
        expect(page.get_by_text("Everyone else").first).to_be_visible()
    finally:
        page.screenshot(path=str(output / "superset-sqllab.png"))


def test_the_dashboard_renders_every_chart_without_an_error(
    page: Page, superset: SupersetProcess, dashboard: tuple[int, dict[str, int], dict[str, int]], output: Path
) -> None:
    dashboard_id, _, charts = dashboard
    # Tall enough for every chart: Superset draws only the charts in view, and a full-page shot shows none.
    page.set_viewport_size({"width": 1400, "height": 1700})
    page.goto(f"{superset.url}/superset/dashboard/{dashboard_id}/")
    try:
        holders = page.locator('[data-test="dashboard-component-chart-holder"]')
        expect(holders).to_have_count(len(charts))
        for index in range(len(charts)):
            # A drawn chart: ECharts' canvas, or the table chart's table.
            expect(holders.nth(index).locator("canvas, table").first).to_be_visible()
        expect(page.locator('[data-test="error-message"], .alert-danger')).to_have_count(0)
    finally:
        page.screenshot(path=str(output / "superset-dashboard.png"))
