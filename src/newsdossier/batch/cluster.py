"""The dask engine: the batch's units of work on dask.distributed, a LocalCluster or a running scheduler.

Each dask worker imports the extractors and loads the spaCy model once, when it joins (a worker
plugin), and is sent chunks of articles, not single ones. Every worker reads the articles and
writes into OUT itself, so on several machines both must be on a file system they all see.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

import dask
from distributed import Client, LocalCluster, WorkerPlugin, as_completed
from distributed.utils import get_mp_context

from newsdossier.errors import InputError
from newsdossier.text.nlp import model_name

if TYPE_CHECKING:
    from newsdossier.batch.work import Call, Result

WAIT_FOR_WORKERS = 120.0  # seconds a batch waits for a scheduler's first worker before it gives up
CONNECT_TIMEOUT = "30s"
# A batch's own LocalCluster runs a few long tasks on 2 cores shared with the scheduler: each periodic
# callback of a worker's event loop takes the GIL from the parse running in its task thread, and the
# scheduler's and nannies' callbacks take a core from the workers. Only what a batch uses is kept frequent.
QUIET = {
    # no statistical profiler: it samples the running task's stack every 10 ms
    "distributed.worker.profile.enabled": False,
    # the event-loop health tick (default 20 ms, in every server): its only use is a warning about a loop
    # blocked for 3 s
    "distributed.admin.tick.interval": "500ms",
    # the dashboard's CPU, memory, file and disk counters (default every 500 ms): no dashboard is shown
    "distributed.admin.system-monitor.interval": "5s",
    "distributed.admin.system-monitor.disk": False,
    # how often memory is checked for spilling, pausing or restarting a worker (default 100 ms): a worker
    # holds one chunk's documents; once a second still catches a runaway one long before it matters
    "distributed.worker.memory.monitor-interval": "1s",
    # queued tasks go to whichever worker frees up (scheduler-side queuing); stealing would only move them
    "distributed.scheduler.work-stealing": False,
    # no replicas to balance: each result is fetched once, by the client
    "distributed.scheduler.active-memory-manager.start": False,
}


class LoadModel(WorkerPlugin):
    """Import the extractors and load the spaCy model once per dask worker, as soon as it joins."""

    name = "newsdossier-model"

    def __init__(self, model: str) -> None:
        self.model = model

    def setup(self, worker: object) -> None:
        """Load everything a unit of work needs, so the first chunk pays no start-up."""
        import newsdossier.extract.pipeline  # noqa: F401 - the import is the point: spaCy and the rules
        from newsdossier.text.nlp import get_nlp

        get_nlp(self.model)


def _connect(jobs: int, scheduler: str | None) -> tuple[Client, LocalCluster | None]:
    """A client of the scheduler at ADDRESS, or of a loopback LocalCluster of `jobs` worker processes."""
    if scheduler:
        try:
            client = Client(scheduler, timeout=CONNECT_TIMEOUT)
        except OSError as err:
            raise InputError(
                f"--scheduler {scheduler}: cannot connect ({err}); start `dask scheduler` there "
                "or check the address (tcp://HOST:8786)"
            ) from err
        return client, None
    # Workers forked from a forkserver that has imported distributed and the extractors and loaded the model
    # once (batch/warm.py), rather than each spawned to import them all and load the model again.
    # The QUIET settings for the scheduler, the nannies and the workers (the nannies pass them on).
    with dask.config.set({"distributed.worker.multiprocessing-method": "forkserver", **QUIET}):
        context = get_mp_context()  # sets distributed's own preload list: ours goes after it
        context.set_forkserver_preload(["distributed", "newsdossier.batch.warm"])
        # Loopback only: a batch run opens no port to the network. The scheduler's HTTP endpoint runs even
        # without a dashboard; a free port keeps it off 8787, which another run may hold.
        cluster = LocalCluster(
            n_workers=max(jobs, 1),
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",
            dashboard_address="127.0.0.1:0",
            silence_logs=logging.ERROR,
        )
    return Client(cluster), cluster


def run_dask(
    calls: Sequence[Call], jobs: int, scheduler: str | None, *, model: str | None = None
) -> Iterator[Result]:
    """Run the calls on dask.distributed, yielding (index, outcomes or the error that lost them)."""
    client, cluster = _connect(jobs, scheduler)
    try:
        client.register_plugin(LoadModel(model or model_name()))
        if scheduler:
            try:
                client.wait_for_workers(1, timeout=WAIT_FOR_WORKERS)
            except TimeoutError as err:
                raise InputError(
                    f"--scheduler {scheduler}: no worker joined within {WAIT_FOR_WORKERS:.0f} s; "
                    f"start `dask worker {scheduler}` on each machine"
                ) from err
        futures = {
            client.submit(fn, *args, pure=False, **kwargs): i for i, (fn, args, kwargs) in enumerate(calls)
        }
        for future in as_completed(futures):
            try:
                yield futures[future], future.result()
            except Exception as err:  # noqa: BLE001 - a lost worker (KilledWorker) fails its chunk, not the batch
                yield futures[future], err
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
