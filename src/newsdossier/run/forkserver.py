"""Notebook kernels forked from one process that has imported their modules once.

Every notebook still runs in a kernel of its own, started fresh for it: the server only imports
modules (ipykernel, spaCy, pandas, plotly, the package) and never runs a line of a notebook, so a
forked kernel holds what a new kernel holds after those imports: no name, no value, no model.
Forking skips what each kernel would otherwise pay again on two cores: the interpreter's start and
~2 s of CPU of imports per kernel.

The server is `python -m newsdossier.run.forkserver IMPORTS`: it runs the import statements (each on
its own, in a throwaway namespace; one that fails is left to the notebook to report), then reads
one JSON request per line on stdin ({"argv", "cwd", "env", "log"}), forks a kernel for each and
answers {"pid"} on stdout, and later {"pid", "exit"} when that kernel ends. It exits when its stdin
closes. Kernels are started with `KernelManager(provisioner=...)` through `ForkProvisioner`, which
falls back to an ordinary launch if the server cannot fork.
"""

from __future__ import annotations

import ast
import contextlib
import json
import logging
import os
import queue
import select
import signal
import subprocess
import sys
import threading
import traceback
from pathlib import Path
from typing import Any

from jupyter_client.provisioning import LocalProvisioner

log = logging.getLogger(__name__)
LAUNCHER = ["-m", "ipykernel_launcher"]  # the python3 kernelspec's command, after the interpreter
# What every kernel imports as it boots, before a notebook's first line (the IPython shell, its
# debugger, its history database, psutil): the server imports it once for all.
KERNEL_IMPORTS = "import ipykernel.kernelapp, ipykernel.ipkernel, ipykernel.zmqshell, psutil, sqlite3, pdb"
# Seconds to wait for the server to import its modules and fork a kernel (minutes on a machine loaded
# many times over); then it is stopped, so no late kernel can take the ports of the one launched instead.
REPLY_TIMEOUT = 300


class ForkServerError(RuntimeError):
    """The fork server could not start a kernel (it died, or did not answer in time)."""


class ForkServer:
    """The runner's side of the server: starts it, asks it for kernels, learns when they end."""

    def __init__(self, imports: str, log_path: Path, cwd: Path) -> None:
        with open(log_path, "ab") as log_file:  # the server's import warnings go to kernel.log
            self.proc = subprocess.Popen(
                [sys.executable, "-m", __name__, f"{KERNEL_IMPORTS}\n{imports}"],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=log_file,
                cwd=str(cwd),  # a kernel's sys.path[0], as for `python -m ipykernel_launcher` run there
            )
        self._lock = threading.Lock()  # one request at a time: answers come back in order
        self._replies: queue.SimpleQueue[dict[str, Any]] = queue.SimpleQueue()
        self._ended = threading.Condition()
        self._exits: dict[int, int] = {}
        self._gone = False
        threading.Thread(target=self._read, name="forkserver", daemon=True).start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            message = json.loads(line)
            if "exit" in message:
                with self._ended:
                    self._exits[message["pid"]] = message["exit"]
                    self._ended.notify_all()
            else:
                if "pid" in message:  # a pid the system reused: an earlier kernel's end is not this one's
                    with self._ended:
                        self._exits.pop(message["pid"], None)
                self._replies.put(message)
        with self._ended:
            self._gone = True
            self._ended.notify_all()
        self._replies.put({"error": f"the kernel fork server exited ({self.proc.wait()})"})

    def fork(self, argv: list[str], cwd: str, env: dict[str, str], log_path: str) -> ForkedKernel:
        """A new kernel process running `ipykernel_launcher argv` in cwd with env, its output to log_path."""
        request = json.dumps({"argv": argv, "cwd": cwd, "env": env, "log": log_path}) + "\n"
        with self._lock:
            try:
                assert self.proc.stdin is not None
                self.proc.stdin.write(request.encode())
                self.proc.stdin.flush()
            except OSError as err:
                raise ForkServerError(f"the kernel fork server is gone: {err}") from err
            try:
                reply = self._replies.get(timeout=REPLY_TIMEOUT)
            except queue.Empty:
                self.proc.kill()
                raise ForkServerError(f"the kernel fork server did not answer in {REPLY_TIMEOUT} s") from None
        if "pid" not in reply:
            raise ForkServerError(reply.get("error", "the kernel fork server could not fork"))
        return ForkedKernel(self, reply["pid"])

    def exit_code(self, pid: int) -> int | None:
        """A forked kernel's exit code, or None while it runs."""
        with self._ended:
            if pid in self._exits:
                return self._exits[pid]
            if not self._gone:
                return None
        try:  # the server died before the kernel: ask the system
            os.kill(pid, 0)
        except ProcessLookupError:
            return -signal.SIGKILL
        return None

    def wait(self, pid: int, timeout: float | None = None) -> int | None:
        """Wait until a forked kernel ends (at most timeout seconds); its exit code, or None."""
        with self._ended:
            self._ended.wait_for(lambda: pid in self._exits or self._gone, timeout)
        return self.exit_code(pid)

    def close(self) -> None:
        """Stop the server (its stdin closes); kernels it forked have been shut down by their managers."""
        with contextlib.suppress(OSError):
            if self.proc.stdin is not None:
                self.proc.stdin.close()
        try:
            self.proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


class ForkedKernel:
    """A forked kernel process, with the part of subprocess.Popen's interface that jupyter_client uses."""

    stdin = stdout = stderr = None

    def __init__(self, server: ForkServer, pid: int) -> None:
        self.server = server
        self.pid = pid

    def poll(self) -> int | None:
        """The exit code, or None while the kernel runs."""
        return self.server.exit_code(self.pid)

    def wait(self, timeout: float | None = None) -> int | None:
        """Wait for the kernel to end; its exit code."""
        return self.server.wait(self.pid, timeout)

    def send_signal(self, signum: int) -> None:
        """Signal the kernel, if it still runs (its pid is not reused before the server reaps it)."""
        if self.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.kill(self.pid, signum)

    def kill(self) -> None:
        """SIGKILL the kernel."""
        self.send_signal(signal.SIGKILL)

    def terminate(self) -> None:
        """SIGTERM the kernel."""
        self.send_signal(signal.SIGTERM)


class ForkProvisioner(LocalProvisioner):
    """Launches the python3 kernel by forking it from a ForkServer; any other kernel, or a failed
    fork, is launched as jupyter_client launches it."""

    server: ForkServer | None = None

    async def launch_kernel(self, cmd: list[str], **kwargs: Any) -> Any:
        """Fork the kernel from the server (a failure falls back to an ordinary launch)."""
        ours = cmd[1:3] == LAUNCHER and Path(cmd[0]).resolve() == Path(sys.executable).resolve()
        if self.server is None or not ours:  # another interpreter's kernel: not one the server can fork
            return await super().launch_kernel(cmd, **kwargs)
        stderr = kwargs.get("stderr")
        log_path = getattr(stderr, "name", os.devnull)
        cwd = str(kwargs.get("cwd") or os.getcwd())
        try:
            self.process = self.server.fork(cmd[3:], cwd, dict(kwargs.get("env") or os.environ), log_path)
        except ForkServerError as err:
            log.warning("%s; starting the kernel without it", err)
            return await super().launch_kernel(cmd, **kwargs)
        self.pid = self.process.pid
        self.pgid = None  # the kernel leads its own session: signal the process, never this process's group
        self.cwd = cwd
        return self.connection_info


# --- The server process ---


def _run_kernel(request: dict[str, Any]) -> int:
    """In the forked child: become the kernel the request asks for; its exit code."""
    os.setsid()  # its own process group, as jupyter_client starts kernels
    null = os.open(os.devnull, os.O_RDONLY)
    out = os.open(request["log"], os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
    os.dup2(null, 0)
    os.dup2(out, 1)  # the kernel's own warnings go to the run's kernel.log, never into the server's pipe
    os.dup2(out, 2)
    os.close(null)
    os.close(out)
    os.chdir(request["cwd"])
    os.environ.clear()
    os.environ.update(request["env"])
    # The kernel watches its parent, this server, and ends if it goes (the server ends with the runner);
    # ipykernel reads its parent from $JPY_PARENT_PID when it is imported, here before the fork.
    argv = [*request["argv"], f"--IPKernelApp.parent_handle={os.getppid()}"]
    sys.argv = ["ipykernel_launcher", *argv]
    from ipykernel.kernelapp import IPKernelApp

    try:
        IPKernelApp.launch_instance(argv=argv)
    except SystemExit as done:
        return done.code if isinstance(done.code, int) else (0 if done.code is None else 1)
    except BaseException:  # noqa: BLE001 - the kernel's own failure: show it in kernel.log
        traceback.print_exc()
        return 1
    return 0


def _send(message: dict[str, Any]) -> None:
    os.write(1, (json.dumps(message) + "\n").encode())


def _reap(children: set[int]) -> None:
    """Tell the runner about every kernel that ended."""
    while children:
        try:
            pid, status = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            return
        children.discard(pid)
        _send({"pid": pid, "exit": os.waitstatus_to_exitcode(status)})


def serve(imports: str) -> None:
    """Run the import statements, then fork a kernel for each request on stdin until stdin closes."""
    for statement in ast.parse(imports).body:
        try:
            exec(compile(ast.Module([statement], []), "<warm-up>", "exec"), {})
        except Exception:  # noqa: BLE001 - the notebook's own import will fail and say why
            print(f"newsdossier fork server: {ast.unparse(statement)} failed:", file=sys.stderr)
            traceback.print_exc()
    children: set[int] = set()
    pending = b""
    while True:
        ready, _, _ = select.select([0], [], [], 0.1)
        _reap(children)
        if not ready:
            continue
        data = os.read(0, 65536)
        if not data:
            break
        pending += data
        while b"\n" in pending:
            line, pending = pending.split(b"\n", 1)
            request = json.loads(line)
            sys.stdout.flush()
            sys.stderr.flush()
            pid = os.fork()
            if pid == 0:
                code = 1
                try:
                    code = _run_kernel(request)
                finally:
                    os._exit(code)
            children.add(pid)
            _send({"pid": pid})
    _reap(children)


if __name__ == "__main__":
    serve(sys.argv[1])
