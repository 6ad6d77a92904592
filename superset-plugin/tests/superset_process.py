"""A real Apache Superset (the one in this virtualenv) on a free loopback port, with a SQLite metadata database."""

from __future__ import annotations

import os
import secrets
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import requests

from serve_process import stop

ADMIN = ("admin", "admin-" + secrets.token_hex(4))
CONFIG = """
SECRET_KEY = {secret!r}
SQLALCHEMY_DATABASE_URI = "sqlite:///{home}/superset.db"
WTF_CSRF_ENABLED = False
TALISMAN_ENABLED = False
CONTENT_SECURITY_POLICY_WARNING = False
CACHE_CONFIG = {{"CACHE_TYPE": "NullCache"}}
DATA_CACHE_CONFIG = {{"CACHE_TYPE": "NullCache"}}
# Per-user results: one user's rows are never served to another from a cache.
FEATURE_FLAGS = {{"CACHE_QUERY_BY_USER": True}}
SQLLAB_TIMEOUT = 300
SUPERSET_WEBSERVER_TIMEOUT = 300
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class SupersetProcess:
    """``superset run`` in a home of its own; the metadata database is migrated once per virtualenv and copied."""

    def __init__(self, home: Path, startup_seconds: float = 300.0) -> None:
        shutil.rmtree(home, ignore_errors=True)
        home.mkdir(parents=True)
        self.home = home
        self.log = home / "superset.log"
        (home / "superset_config.py").write_text(CONFIG.format(secret=secrets.token_hex(32), home=home))
        self.env = {
            **os.environ,
            "SUPERSET_CONFIG_PATH": str(home / "superset_config.py"),
            "SUPERSET_HOME": str(home),
            "FLASK_APP": "superset",
        }
        self.command = str(Path(sys.executable).parent / "superset")
        self._metadata_database()
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        with self.log.open("a") as log:
            self.process = subprocess.Popen(
                [self.command, "run", "-h", "127.0.0.1", "-p", str(self.port), "--with-threads"],
                env=self.env, stdout=log, stderr=subprocess.STDOUT,
            )
        deadline = time.monotonic() + startup_seconds
        while not self._healthy():
            if self.process.poll() is not None or time.monotonic() > deadline:
                self.stop()
                raise RuntimeError(f"Superset did not start; its log: {self.log}\n" + self.log.read_text()[-3000:])
            time.sleep(1)

    def _healthy(self) -> bool:
        try:
            return requests.get(self.url + "/health", timeout=5).text == "OK"
        except requests.RequestException:
            return False

    def _metadata_database(self) -> None:
        # Migrating SQLite takes minutes: the migrated database (no secrets in it yet) is kept next to the venv.
        template = Path(sys.prefix).parent / f"superset-metadata-{Path(sys.prefix).name}.db"
        target = self.home / "superset.db"
        if not template.is_file():
            self._superset("db", "upgrade")
            self._superset("init")
            shutil.copy(target, template)
        else:
            shutil.copy(template, target)
        # The template has no user: the admin, with a password new each run, is made here.
        self._superset("fab", "create-admin", "--username", ADMIN[0], "--password", ADMIN[1],
                       "--firstname", "Test", "--lastname", "Admin", "--email", "admin@example.org")

    def _superset(self, *arguments: str) -> None:
        with self.log.open("a") as log:
            done = subprocess.run([self.command, *arguments], env=self.env, stdout=log, stderr=subprocess.STDOUT)
        if done.returncode != 0:
            raise RuntimeError(f"superset {' '.join(arguments[:2])} failed; its log: {self.log}")

    def stop(self) -> None:
        stop(self.process)
