"""Forked worker processes that hand work back as futures, and say when one dies.

concurrent.futures' ProcessPoolExecutor shares one result pipe among its workers: a
worker killed in the middle of writing an answer (the kernel's out-of-memory killer,
say) leaves half a message in it, and the pool waits for the rest forever. Here each
worker has its own pipe, whose other end only that worker holds, so its death ends
the pipe: the work it held fails with BrokenProcessPool, and so does all work after
it, so that the caller can carry on in its own process.

A job may be given a time limit: one that runs longer (a parser gone quadratic on a
hostile page, stuck in C where no signal reaches it) fails alone with TimeoutError.
Its worker is killed and a new one forked in its place, and the jobs queued behind it
are run there: the pool is not broken.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import queue
import signal
import threading
import time
from collections import deque
from concurrent.futures import Future
from concurrent.futures.process import BrokenProcessPool
from multiprocessing.connection import Connection, wait
from multiprocessing.reduction import ForkingPickler

_STOP = None  # the message that ends a worker


class _Worker:
    def __init__(self, process, conn: Connection):
        self.process, self.conn = process, conn
        self.jobs: deque[tuple[Future, bytes]] = deque()  # the work it holds, in the order sent
        self.since = 0.0  # when its first job began (time.monotonic())
        self.overdue: Future | None = None  # the job it was killed for: it ran past the time limit
        # Sent by a thread of its own: a send waits while the worker's pipe is full, and
        # neither the caller nor the collector (which must go on reading answers) may wait.
        self.outbox: queue.SimpleQueue[bytes] = queue.SimpleQueue()
        self.sender = threading.Thread(target=self._send, name="worker-pool-send", daemon=True)
        self.sender.start()

    def _send(self) -> None:
        while True:
            message = self.outbox.get()
            try:
                self.conn.send_bytes(message)
            except (OSError, EOFError):  # the worker is dead: the collector is told by its sentinel
                return
            if message == _STOP_MESSAGE:
                return


_STOP_MESSAGE = ForkingPickler.dumps(_STOP).tobytes()


class WorkerPool:
    """`workers` processes forked now; `initializer(*initargs)` runs in each first. Each
    worker holds up to `ahead` jobs: more than one keeps it busy while this process is
    too busy to hand it the next at once (a crawl's reactor). A job goes to the first
    worker with room: a worker works only when those before it are full. A job running
    longer than `time_limit` seconds fails with TimeoutError and its worker is replaced. With
    `freeze`, the objects alive now are kept out of the collector's visits until shutdown.

    A worker shares this process's memory until either writes to it. The collector writes
    to every object it visits: frozen, they are left out of its visits in both processes,
    so that their pages stay shared (about 20 MB less for a crawl). Garbage frozen with
    them is freed at shutdown: a full collection first would cost more (60 ms after a crawl)."""

    def __init__(self, workers: int = 1, initializer=None, initargs: tuple = (), ahead: int = 1,
                 time_limit: float | None = None, freeze: bool = False):
        self._frozen = freeze
        if freeze:
            gc.freeze()
        self._start = (initializer, initargs)
        self._workers = [self._fork() for _ in range(workers)]
        self._ahead = ahead
        self._time_limit = time_limit
        self._waiting: deque = deque()  # (future, pickled job) for the next free worker
        self._lock = threading.Lock()
        self._broken = False
        self._collector = threading.Thread(target=self._collect, name="worker-pool", daemon=True)
        self._collector.start()

    def submit(self, fn, *args) -> Future:
        """`fn(*args)` in a worker; the future fails with BrokenProcessPool once a worker has
        died, or with the error of pickling the job when it cannot be sent."""
        future: Future = Future()
        try:
            job = ForkingPickler.dumps((fn, args)).tobytes()
        except Exception as error:  # noqa: BLE001 - pickle raises several kinds
            future.set_exception(error)
            return future
        with self._lock:
            if self._broken:
                future.set_exception(BrokenProcessPool("a worker process died"))
            else:
                self._waiting.append((future, job))
                self._dispatch()
        return future

    def shutdown(self, now: bool = False) -> None:
        """Work not started is cancelled; the workers finish what they hold and end (`now`:
        they are killed, what they hold is lost)."""
        with self._lock:
            while self._waiting:
                self._waiting.popleft()[0].cancel()
            self._broken = True
            for worker in self._workers:
                worker.outbox.put(_STOP_MESSAGE)
        for worker in self._workers:
            if now:
                worker.process.kill()
            worker.process.join(10)
            if worker.process.is_alive():
                worker.process.kill()
                worker.process.join()
        self._collector.join()  # it ends with the last worker
        for worker in self._workers:
            worker.sender.join()  # it ends with the stop message, or at the worker's death
            worker.conn.close()
        if self._frozen:
            # The collector may visit them again: kept out of its visits, the cycles
            # among them (a whole crawler, spider and all) would never be freed.
            gc.unfreeze()

    def _fork(self) -> _Worker:
        context = multiprocessing.get_context("fork")
        here, there = context.Pipe()
        process = context.Process(target=_serve, args=(there, os.getpid(), *self._start), daemon=True)
        process.start()
        there.close()  # the worker's end is held by the worker alone: its death ends the pipe
        return _Worker(process, here)

    def _dispatch(self) -> None:
        """Waiting work to the first worker with room for it (with the lock held)."""
        while self._waiting:
            worker = next((w for w in self._workers if len(w.jobs) < self._ahead), None)
            if worker is None:
                return
            future, job = self._waiting.popleft()
            # a job handed back by a worker killed for its time is running already
            if future.running() or future.set_running_or_notify_cancel():
                if not worker.jobs:
                    worker.since = time.monotonic()
                worker.outbox.put(job)
                worker.jobs.append((future, job))

    def _collect(self) -> None:
        """Answers to their futures, on a thread of this process, until every worker has ended."""
        alive = {w.process.sentinel: w for w in self._workers}
        while alive:
            ready = wait([w.conn for w in alive.values()] + list(alive), self._stop_overdue())
            for sentinel, worker in list(alive.items()):
                if worker.conn in ready:  # an answer, or the end of the pipe: the worker has gone
                    try:
                        answer = worker.conn.recv()
                    except (EOFError, OSError):  # maybe half-way through an answer
                        answer = None
                    except Exception as error:  # noqa: BLE001 - an answer that cannot be read back
                        answer = (False, error)
                    if answer is not None:
                        self._settle(worker, answer)
                        continue
                elif sentinel not in ready:
                    continue
                del alive[sentinel]
                replacement = self._died(worker)
                if replacement is not None:
                    alive[replacement.process.sentinel] = replacement

    def _stop_overdue(self) -> float | None:
        """Kill each worker whose job has run past the time limit; the seconds until the next may."""
        if self._time_limit is None:
            return None
        now, wake = time.monotonic(), self._time_limit
        with self._lock:
            for worker in self._workers:
                if worker.jobs and worker.overdue is None:
                    left = worker.since + self._time_limit - now
                    if left <= 0:
                        worker.overdue = worker.jobs[0][0]
                        worker.process.kill()
                    else:
                        wake = min(wake, left)
        return wake

    def _settle(self, worker: _Worker, answer: tuple) -> None:
        ok, value = answer
        with self._lock:
            future, _ = worker.jobs.popleft()
            worker.since = time.monotonic()
            self._dispatch()
        if ok:
            future.set_result(value)
        else:
            future.set_exception(value)

    def _died(self, worker: _Worker) -> _Worker | None:
        """Fail the dead worker's work; but when it was killed for its time, that job alone
        fails, and the worker forked in its place (returned) takes the rest."""
        replacement = timed_out = None
        with self._lock:
            # its answer may have come just before the kill: then nothing timed out
            if worker.overdue is not None and worker.jobs and worker.jobs[0][0] is worker.overdue:
                timed_out = worker.jobs.popleft()[0]
            if worker.overdue is not None and not self._broken:
                try:
                    replacement = self._fork()
                except OSError:  # no process to be had: the pool breaks, as at any death
                    pass
            if replacement is not None:
                self._workers[self._workers.index(worker)] = replacement
                self._waiting.extendleft(reversed(worker.jobs))
                self._dispatch()
                lost = []
            else:
                lost = [future for future, _ in worker.jobs]
                if not self._broken:
                    self._broken = True
                    lost += [future for future, _ in self._waiting]
                    self._waiting.clear()
            worker.jobs.clear()
        if timed_out is not None:
            timed_out.set_exception(TimeoutError(f"no answer within {self._time_limit:g} s: the job was stopped"))
        if replacement is not None:
            worker.outbox.put(_STOP_MESSAGE)  # ends its sender: the pipe is closed
            worker.sender.join()
            worker.conn.close()
            worker.process.join()
        for future in lost:
            if not future.done():
                future.set_exception(BrokenProcessPool("a worker process died"))
        return replacement


def worker_pool(initializer=None, initargs: tuple = (), workers: int = 1, ahead: int = 1,
                time_limit: float | None = None) -> WorkerPool | None:
    """Forked worker processes (started now), or None where processes cannot fork."""
    if "fork" not in multiprocessing.get_all_start_methods():
        return None
    return WorkerPool(workers, initializer, initargs, ahead, time_limit, freeze=True)


def _serve(conn: Connection, parent: int, initializer, initargs: tuple) -> None:
    """A worker: Ctrl-C reaches the whole process group, but the parent decides when to
    stop (the work in flight is finished before it does); the worker ends with its parent
    even when that one is killed, and holds none of its output pipes (errors come back
    with each answer)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    devnull = os.open(os.devnull, os.O_RDWR)
    for fd in (0, 1, 2):
        os.dup2(devnull, fd)
    threading.Thread(target=_watch, args=(parent,), daemon=True).start()
    if initializer is not None:
        initializer(*initargs)
    while True:
        try:
            job = conn.recv()
        except EOFError:  # the parent has gone
            return
        if job is _STOP:
            return
        fn, args = job
        try:
            answer = (True, fn(*args))
        except BaseException as error:  # noqa: BLE001 - every error goes back to the caller
            answer = (False, error)
        try:
            conn.send(answer)
        except Exception as error:  # noqa: BLE001 - an answer that cannot be pickled
            conn.send((False, RuntimeError(f"{fn.__name__} gave an answer that cannot be sent back: {error}")))


def _watch(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(1)
