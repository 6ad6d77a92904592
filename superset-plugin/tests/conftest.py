from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import create_engine
from sqlalchemy.engine import Engine

from serve_process import ServeProcess
from statsig_superset import dbapi


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
