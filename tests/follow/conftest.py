import pytest

from newsevents.follow import FetchConfig, FollowConfig
from tests.follow.server import LocalServer


@pytest.fixture
def server():
    s = LocalServer().start()
    yield s
    s.stop()


@pytest.fixture
def fast_fetch() -> FetchConfig:
    """No politeness delay, short timeouts and back-off: tests stay fast."""
    return FetchConfig(delay=0.0, timeout=1.0, deadline=5.0, backoff=0.01, retries=2)


@pytest.fixture
def follow_config(fast_fetch) -> FollowConfig:
    return FollowConfig(fetch=fast_fetch, stories=False, error_backoff=0.0)
