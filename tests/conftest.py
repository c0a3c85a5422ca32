import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"


@pytest.fixture(scope="session")
def examples_dir() -> Path:
    return EXAMPLES


@pytest.fixture
def examples_copy(tmp_path: Path) -> Path:
    dest = tmp_path / "examples"
    shutil.copytree(EXAMPLES, dest)
    return dest


@pytest.fixture(scope="session")
def nlp():
    from newsevents.nlp import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def sample_db(tmp_path_factory) -> Path:
    """A small store of hand-made records for the API and web tests (no spaCy)."""
    from tests.api.sample import build

    return build(tmp_path_factory.mktemp("api") / "sample.db")


@pytest.fixture(scope="module")
def client(sample_db):
    from fastapi.testclient import TestClient

    from newsevents.server import create_app

    with TestClient(create_app(sample_db)) as c:
        yield c
