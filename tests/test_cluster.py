"""The dask engine gives the local engine's tables: on a real cluster (`dask scheduler` and two `dask worker`
processes started the way a user would) and, in the whole suite, on the batch's own LocalCluster."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest

from newsdossier.batch.engine import run_batch

distributed = pytest.importorskip("distributed")

ARTICLES = {
    "harbour.txt": """The harbour board said on Monday that the new pier in Eastmoor would open in June.

"It is the biggest investment in the port for forty years," the board's chair, Ines Moreau, told reporters.

Fishermen said the work had already cut their catch, and the union asked the council for help.
""",
    "council.txt": """The county council voted on Thursday to close two primary schools in the valley next year.

"We cannot keep buildings open for a handful of pupils," said councillor Peter Walsh.

Parents said they would take the decision to court before the end of the month.
""",
    "empty.txt": "",
}
DASK = Path(sys.executable).parent / "dask"
START_TIMEOUT = 60.0  # seconds for the scheduler to listen and both workers to join


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_port(port: int, proc: subprocess.Popen, timeout: float) -> None:
    """Wait until something accepts connections on 127.0.0.1:port (the scheduler is up)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"dask scheduler exited with {proc.returncode}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.2)
    raise TimeoutError(f"dask scheduler not listening on port {port} after {timeout:.0f} s")


def stop(procs: list[subprocess.Popen]) -> None:
    """Stop the processes: politely, then for good."""
    for proc in procs:
        if proc.poll() is None:
            proc.terminate()
    for proc in procs:
        try:
            proc.wait(timeout=5)  # a worker closes in a second or two; the test needs nothing of a slow one
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=15)


@pytest.fixture(scope="module")
def scheduler(tmp_path_factory) -> Iterator[str]:
    """The address of a scheduler on 127.0.0.1 with two single-threaded workers, each its own process."""
    if not DASK.exists():
        pytest.skip(f"no dask command at {DASK}")
    logs = tmp_path_factory.mktemp("dask")
    port = free_port()
    address = f"tcp://127.0.0.1:{port}"
    procs: list[subprocess.Popen] = []
    try:
        log = (logs / "scheduler.log").open("wb")
        procs.append(
            subprocess.Popen(
                [str(DASK), "scheduler", "--host", "127.0.0.1", "--port", str(port), "--no-dashboard"],
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        )
        wait_for_port(port, procs[0], START_TIMEOUT)
        for n in range(2):
            log = (logs / f"worker{n}.log").open("wb")
            procs.append(
                subprocess.Popen(
                    [str(DASK), "worker", address, "--host", "127.0.0.1", "--nthreads", "1", "--no-nanny"]
                    + ["--no-dashboard", "--name", f"worker{n}", "--local-directory", str(logs / f"w{n}")],
                    stdout=log,
                    stderr=subprocess.STDOUT,
                )
            )
        with distributed.Client(address, timeout="10s") as client:
            client.wait_for_workers(2, timeout=START_TIMEOUT)
        yield address
    finally:
        stop(procs)


def write_articles(folder: Path) -> Path:
    """The made-up articles (one of them empty) in a folder."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def assert_same_tables(out: Path, local: Path) -> None:
    """The corpus files and every article's tables are the local engine's, byte for byte."""
    for name in ("articles", "actors", "claims", "timeline"):
        assert (out / f"{name}.parquet").read_bytes() == (local / f"{name}.parquet").read_bytes(), name
    for article in ("harbour", "council"):
        for table in ("actors.csv", "claims.csv", "timeline.csv", "mentions.csv"):
            assert (out / article / table).read_bytes() == (local / article / table).read_bytes()
    assert (out / "failures.csv").read_bytes() == (local / "failures.csv").read_bytes()
    assert pd.read_csv(out / "failures.csv")["article"].tolist() == ["empty"]
    assert set(pd.read_parquet(out / "claims.parquet")["article"]) == {"harbour", "council"}


def test_batch_on_a_separately_started_cluster_gives_the_local_tables(scheduler, tmp_path):
    folder = write_articles(tmp_path / "in")
    out = tmp_path / "dask"
    cli = subprocess.Popen(
        [sys.executable, "-m", "newsdossier", "batch", str(folder), "--out", str(out)]
        + ["--engine", "dask", "--scheduler", scheduler],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:  # the local engine's run meanwhile, on the other core
        local = tmp_path / "local"
        run_batch(folder, local, progress=False)
        _, stderr = cli.communicate(timeout=180)
    finally:
        stop([cli])
    assert cli.returncode == 1, stderr  # the empty article failed, the rest did not
    assert "3 articles: 2 processed, 0 already done, 1 failed" in stderr
    assert_same_tables(out, local)


@pytest.mark.slow
def test_batch_on_its_own_local_cluster_gives_the_local_tables(tmp_path):
    folder = write_articles(tmp_path / "in")
    local = tmp_path / "local"
    run_batch(folder, local, progress=False)
    out = tmp_path / "dask"
    result = run_batch(folder, out, engine="dask", jobs=2, progress=False)
    assert (result.done, result.skipped, len(result.failures)) == (2, 0, 1)
    assert_same_tables(out, local)
