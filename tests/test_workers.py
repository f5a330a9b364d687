"""Forked worker processes (auditor/gather/workers.py): answers, errors, and a worker that dies,
even half-way through writing its answer, ends its work with BrokenProcessPool instead
of leaving the caller waiting forever."""

from __future__ import annotations

import gc
import multiprocessing
import os
import signal
import struct
import sys
import threading
import time
from concurrent.futures.process import BrokenProcessPool

import pytest

from auditor.gather.workers import WorkerPool, worker_pool


@pytest.fixture
def pool():
    pool = worker_pool(workers=2)
    yield pool
    pool.shutdown()
    gc.unfreeze()


def _add(a, b):
    return a + b


def _fail():
    raise ValueError("bad page")


def _answer_half_and_die():
    """Write the start of an answer on this worker's pipe, then die, as a worker killed
    by the out-of-memory killer in the middle of its answer does."""
    conn = sys._getframe(1).f_locals["conn"]
    conn._send(struct.pack("!i", 1000) + b"x" * 10)
    os._exit(9)


def _unpicklable():
    return threading.Lock()


def test_answers_and_errors_come_back_from_other_processes(pool):
    assert pool.submit(os.getpid).result(10) != os.getpid()
    assert [f.result(10) for f in [pool.submit(_add, i, 1) for i in range(20)]] == list(range(1, 21))
    with pytest.raises(ValueError, match="bad page"):
        pool.submit(_fail).result(10)
    with pytest.raises(RuntimeError, match="cannot be sent back"):
        pool.submit(_unpicklable).result(10)
    assert pool.submit(_add, 2, 2).result(10) == 4  # the workers carry on


def test_a_job_that_cannot_be_sent_fails_alone(pool):
    with pytest.raises(TypeError, match="pickle"):
        pool.submit(_add, threading.Lock(), 1).result(10)
    assert pool.submit(_add, 1, 1).result(10) == 2


def _echo(data: bytes) -> bytes:
    return data


def test_big_jobs_and_answers_held_ahead_do_not_block_each_other():
    # Each job and answer is larger than a pipe's buffer, and each worker holds several
    # jobs: the pool sends while the workers write answers, and answers keep their order.
    pool = WorkerPool(2, ahead=4)
    try:
        jobs = [bytes([i]) * 1_000_000 for i in range(24)]
        futures = [pool.submit(_echo, job) for job in jobs]
        assert [f.result(30) for f in futures] == jobs
    finally:
        pool.shutdown()


def test_a_worker_that_dies_half_way_through_its_answer_breaks_the_pool_instead_of_hanging(pool):
    with pytest.raises(BrokenProcessPool):
        pool.submit(_answer_half_and_die).result(10)
    with pytest.raises(BrokenProcessPool):  # the caller carries on in its own process
        pool.submit(_add, 1, 1).result(10)


def test_a_worker_killed_while_idle_breaks_the_pool(pool):
    pids = {pool.submit(os.getpid).result(10) for _ in range(4)}
    os.kill(next(iter(pids)), signal.SIGKILL)
    with pytest.raises(BrokenProcessPool):
        for _ in range(50):  # the collector sees the death within moments
            pool.submit(_add, 1, 1).result(10)


def test_shutdown_ends_the_workers_and_cancels_work_not_started():
    pool = WorkerPool(1)
    started = pool.submit(_add, 1, 2)
    queued = [pool.submit(_add, 1, i) for i in range(200)]
    pool.shutdown()
    assert started.result(10) == 3
    assert all(f.cancelled() or f.done() for f in queued) and any(f.cancelled() for f in queued)
    assert multiprocessing.active_children() == []


def test_shutdown_now_does_not_wait_for_the_work_held():
    pool = WorkerPool(1)
    held = pool.submit(time.sleep, 30)
    time.sleep(0.2)  # the worker has begun it
    started = time.monotonic()
    pool.shutdown(now=True)
    assert time.monotonic() - started < 5
    assert multiprocessing.active_children() == []
    with pytest.raises(BrokenProcessPool):
        held.result(5)


def _sleep_then_pid(seconds: float) -> int:
    time.sleep(seconds)
    return os.getpid()


def test_work_goes_to_the_first_worker_with_room_and_to_the_next_when_it_falls_behind():
    # A worker that keeps up takes all the work: the other stays asleep, and leaves the
    # cores to the processes that feed them (a crawl's reactor, its web server).
    pool = WorkerPool(2, ahead=3)
    try:
        held = [pool.submit(_sleep_then_pid, 0.5) for _ in range(3)]
        overflow = pool.submit(_sleep_then_pid, 0.5)
        first = {f.result(10) for f in held}
        assert len(first) == 1
        assert overflow.result(10) not in first
        assert pool.submit(os.getpid).result(10) in first  # the first has room again
    finally:
        pool.shutdown()


def test_a_job_past_its_time_limit_fails_alone_and_its_worker_is_replaced():
    pool = WorkerPool(1, ahead=4, time_limit=1)
    try:
        first = pool.submit(os.getpid).result(10)
        stuck = pool.submit(_sleep_then_pid, 60)
        behind = [pool.submit(_add, i, 1) for i in range(3)]  # held by the same worker
        started = time.monotonic()
        with pytest.raises(TimeoutError, match="within 1 s"):
            stuck.result(30)
        assert time.monotonic() - started < 10
        assert [f.result(10) for f in behind] == [1, 2, 3]  # run again by the new worker
        replacement = pool.submit(_sleep_then_pid, 0.1).result(10)  # within the limit
        assert replacement != first
        assert not is_alive(first)
    finally:
        pool.shutdown()
    assert multiprocessing.active_children() == []


def is_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def test_without_a_time_limit_a_slow_job_is_waited_for():
    pool = WorkerPool(1)
    try:
        assert pool.submit(_sleep_then_pid, 1.5).result(10) > 0
    finally:
        pool.shutdown()


def test_when_no_worker_can_be_forked_in_its_place_the_pool_breaks_but_the_job_still_times_out(monkeypatch):
    pool = WorkerPool(1, ahead=2, time_limit=1)
    try:
        def no_fork():
            raise OSError("Resource temporarily unavailable")
        monkeypatch.setattr(pool, "_fork", no_fork)
        stuck, behind = pool.submit(_sleep_then_pid, 60), pool.submit(_add, 1, 1)
        with pytest.raises(TimeoutError):
            stuck.result(30)
        with pytest.raises(BrokenProcessPool):  # the caller carries on in its own process
            behind.result(10)
    finally:
        pool.shutdown()
