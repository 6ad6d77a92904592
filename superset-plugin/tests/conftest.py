from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine
from sqlalchemy.engine import Engine

from serve_process import ServeProcess
from statsig_superset import dbapi
from superset_api import SupersetApi, build_dashboard
from superset_process import ADMIN, SupersetProcess

OUTPUT = Path(os.environ.get("STATSIG_SUPERSET_OUTPUT", Path(__file__).resolve().parents[1] / "target" / "pytest"))


@pytest.fixture(scope="session")
def serve() -> Iterator[ServeProcess]:
    server = ServeProcess()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture()
def connection(serve: ServeProcess) -> Iterator[dbapi.Connection]:
    with dbapi.connect(serve.url) as c:
        yield c


@pytest.fixture(scope="session")
def engine(serve: ServeProcess) -> Engine:
    """Through the ``sqlalchemy.dialects`` entry point, as Superset creates it (one connection per query)."""
    from sqlalchemy.pool import NullPool

    return create_engine(f"statsig://127.0.0.1:{serve.port}/", poolclass=NullPool)


@pytest.fixture(scope="session")
def superset() -> Iterator[SupersetProcess]:
    server = SupersetProcess(OUTPUT / "superset-home")
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def output() -> Path:
    OUTPUT.mkdir(parents=True, exist_ok=True)
    return OUTPUT


@pytest.fixture(scope="session")
def admin() -> tuple[str, str]:
    return ADMIN


@pytest.fixture(scope="session")
def api(superset: SupersetProcess) -> SupersetApi:
    return SupersetApi(superset.url, *ADMIN)


@pytest.fixture(scope="session")
def database(api: SupersetApi, serve: ServeProcess) -> int:
    """Statsig added as a user adds it: serve's default URL shape, exposed in SQL Lab."""
    return int(api.post("/api/v1/database/", {
        "database_name": "Statsig", "sqlalchemy_uri": f"statsig://127.0.0.1:{serve.port}/", "expose_in_sqllab": True,
    })["id"])


@pytest.fixture(scope="session")
def dashboard(api: SupersetApi, database: int) -> tuple[int, dict[str, int], dict[str, int]]:
    """The "Statsig experiments" dashboard: its id, its datasets' and its charts' ids by name."""
    return build_dashboard(api, database, "Statsig experiments")
