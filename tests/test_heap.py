"""Long-lived objects are frozen out of the garbage collector's sight; new garbage is still
collected (decisionaid/lib/heap.py, gunicorn.conf.py)."""

import gc
import weakref

import pytest
from test_serve import load_gunicorn_conf

from decisionaid.checklist import warmup
from decisionaid.lib.heap import settle_heap


class Node:
    def __init__(self) -> None:
        self.other: Node | None = None


def cycle() -> weakref.ref:
    """A reference cycle no one else holds, and a weak reference to watch it go."""
    first, second = Node(), Node()
    first.other, second.other = second, first
    return weakref.ref(first)


@pytest.fixture
def unfrozen():
    gc.unfreeze()
    yield
    gc.unfreeze()


def test_garbage_already_there_is_collected_before_the_freeze(unfrozen):
    watched = cycle()
    assert watched() is not None
    settle_heap()
    assert watched() is None


def test_what_is_alive_is_frozen_and_garbage_made_later_is_still_collected(unfrozen):
    kept = Node()
    frozen = settle_heap()
    assert frozen == gc.get_freeze_count() > 0
    assert not any(obj is kept for obj in gc.get_objects())

    later = cycle()
    gc.collect()
    assert later() is None


def test_a_worker_warms_up_before_it_freezes(monkeypatch):
    steps = []
    monkeypatch.setattr(warmup, "warm_up", lambda: steps.append("warm") or 1.5)
    monkeypatch.setattr(warmup, "settle_heap", lambda: steps.append("freeze") or 42)
    assert warmup.prepare_worker() == (1.5, 42)
    assert steps == ["warm", "freeze"]


def test_gunicorn_freezes_in_the_master_before_each_fork(unfrozen):
    conf = load_gunicorn_conf()
    conf.pre_fork(server=None, worker=None)
    assert gc.get_freeze_count() > 0
