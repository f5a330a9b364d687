"""Forked worker processes that hand work back as futures, and say when one dies.

concurrent.futures' ProcessPoolExecutor shares one result pipe among its workers: a
worker killed in the middle of writing an answer (the kernel's out-of-memory killer,
say) leaves half a message in it, and the pool waits for the rest forever. Here each
worker has its own pipe, whose other end only that worker holds, so its death ends
the pipe: the work it held fails with BrokenProcessPool, and so does all work after
it, so that the caller can carry on in its own process.
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
        self.jobs: deque[Future] = deque()  # the work it holds, in the order sent
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
    too busy to hand it the next at once (a crawl's reactor)."""

    def __init__(self, workers: int = 1, initializer=None, initargs: tuple = (), ahead: int = 1):
        context = multiprocessing.get_context("fork")
        self._workers: list[_Worker] = []
        for _ in range(workers):
            here, there = context.Pipe()
            process = context.Process(target=_serve, args=(there, os.getpid(), initializer, initargs), daemon=True)
            process.start()
            there.close()  # the worker's end is held by the worker alone: its death ends the pipe
            self._workers.append(_Worker(process, here))
        self._ahead = ahead
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

    def shutdown(self) -> None:
        """Work not started is cancelled; the workers finish what they hold and end."""
        with self._lock:
            while self._waiting:
                self._waiting.popleft()[0].cancel()
            self._broken = True
            for worker in self._workers:
                worker.outbox.put(_STOP_MESSAGE)
        for worker in self._workers:
            worker.process.join(10)
            if worker.process.is_alive():
                worker.process.kill()
                worker.process.join()
        self._collector.join()  # it ends with the last worker
        for worker in self._workers:
            worker.sender.join()  # it ends with the stop message, or at the worker's death
            worker.conn.close()

    def _dispatch(self) -> None:
        """Waiting work to the least busy workers (with the lock held)."""
        while self._waiting:
            worker = min(self._workers, key=lambda w: len(w.jobs))
            if len(worker.jobs) >= self._ahead:
                return
            future, job = self._waiting.popleft()
            if future.set_running_or_notify_cancel():
                worker.outbox.put(job)
                worker.jobs.append(future)

    def _collect(self) -> None:
        """Answers to their futures, on a thread of this process, until every worker has ended."""
        alive = {w.process.sentinel: w for w in self._workers}
        while alive:
            ready = wait([w.conn for w in alive.values()] + list(alive))
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
                self._died(worker)

    def _settle(self, worker: _Worker, answer: tuple) -> None:
        ok, value = answer
        with self._lock:
            future = worker.jobs.popleft()
            self._dispatch()
        if ok:
            future.set_result(value)
        else:
            future.set_exception(value)

    def _died(self, worker: _Worker) -> None:
        with self._lock:
            lost = list(worker.jobs)
            worker.jobs.clear()
            if not self._broken:
                self._broken = True
                lost += [future for future, _ in self._waiting]
                self._waiting.clear()
        for future in lost:
            if not future.done():
                future.set_exception(BrokenProcessPool("a worker process died"))


def worker_pool(initializer=None, initargs: tuple = (), workers: int = 1, ahead: int = 1) -> WorkerPool | None:
    """Forked worker processes (started now), or None where processes cannot fork."""
    if "fork" not in multiprocessing.get_all_start_methods():
        return None
    # A worker shares this process's memory until either writes to it. The collector
    # writes to every object it visits: objects alive now are left out of its visits
    # in both processes, so that their pages stay shared (about 20 MB less for a crawl).
    gc.collect()
    gc.freeze()
    return WorkerPool(workers, initializer, initargs, ahead)


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
