from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from newsevents.api import create_app
from tests.api.sample import build


@pytest.fixture(scope="session")
def sample_db(tmp_path_factory) -> Path:
    return build(tmp_path_factory.mktemp("api") / "sample.db")


@pytest.fixture(scope="module")
def client(sample_db):
    with TestClient(create_app(sample_db)) as c:
        yield c
