"""The garbage collector during a batch of coding (setting gc_batch): rarer young
collections inside the batch only, and what the first coded article loaded frozen once."""

from __future__ import annotations

import gc
from dataclasses import replace

import pytest

from newsevents import runner
from newsevents.config import Settings
from newsevents.models import Article
from newsevents.runner import GC_YOUNG, RunConfig, extract_batch

pytestmark = pytest.mark.issue(16)


@pytest.fixture
def thawed():
    """No frozen objects and no freeze done yet in this process; as it was after."""
    frozen = gc.get_freeze_count()
    gc.unfreeze()
    runner._freeze_loaded.cache_clear()
    yield
    runner._freeze_loaded.cache_clear()
    if frozen:
        gc.freeze()


@pytest.mark.parametrize("on", [True, False])
def test_young_collections_are_rarer_inside_the_batch_only(on):
    before = gc.get_threshold()
    with runner._collector(replace(Settings(), gc_batch=on)):
        inside = gc.get_threshold()
    assert gc.get_threshold() == before
    assert inside[0] == (max(before[0], GC_YOUNG) if on else before[0])
    assert inside[1:] == before[1:]


@pytest.mark.parametrize("on", [True, False])
def test_the_first_coded_article_freezes_what_is_loaded_once(thawed, on):
    config = RunConfig(settings=replace(Settings(), gc_batch=on))
    article = Article(id="a", text="Protesters marched through the capital on Sunday.")
    done, failed = extract_batch([article], config)
    assert len(done) == 1 and not failed
    frozen = gc.get_freeze_count()
    assert (frozen > 0) == on
    extract_batch([replace(article, id="b")], config)
    assert gc.get_freeze_count() == frozen  # once per process: the second batch adds nothing
