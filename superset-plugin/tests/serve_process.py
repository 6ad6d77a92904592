"""``statsig-sql serve --demo`` in a child process: the real server the plugin talks to in tests."""

from __future__ import annotations

import re
import subprocess
import threading
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
LISTENING = re.compile(r"listening on \S+ port (\d+)")


def command() -> list[str]:
    """The CLI jar the build made; without one, the launcher, which builds it first."""
    jar = REPO / "cli" / "target" / "statsig-sql.jar"
    return ["java", "-jar", str(jar)] if jar.is_file() else [str(REPO / "statsig-sql")]


class ServeProcess:
    """Starts serve on a free loopback port and stops it; ``url`` is its base URL."""

    def __init__(self, *arguments: str, startup_seconds: float = 240.0) -> None:
        self.process = subprocess.Popen(
            [*command(), "serve", "--demo", "--port", "0", *arguments],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        self.output: list[str] = []
        port: list[int] = []
        started = threading.Event()

        def read() -> None:
            assert self.process.stdout is not None
            for line in self.process.stdout:
                self.output.append(line)
                found = LISTENING.search(line)
                if found and not port:
                    port.append(int(found.group(1)))
                    started.set()
            started.set()

        threading.Thread(target=read, daemon=True).start()
        if not started.wait(startup_seconds) or not port:
            self.stop()
            raise RuntimeError("statsig-sql serve did not start:\n" + "".join(self.output[-40:]))
        self.port = port[0]
        self.url = f"http://127.0.0.1:{self.port}/"

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(30)
            except subprocess.TimeoutExpired:
                self.process.kill()
