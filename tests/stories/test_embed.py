import numpy as np
import pytest

from newsevents.stories.embed import DIM, embed


@pytest.fixture(scope="module")
def vectors() -> np.ndarray:
    return embed(
        [
            "Bombs exploded outside the U.S. embassies in Kenya and Tanzania.",
            "Blasts hit American embassies in Nairobi and Dar es Salaam, killing dozens.",
            "Poland, Hungary and the Czech Republic joined NATO on Friday.",
            "",
        ]
    )


def test_embed_shape_and_unit_length(vectors):
    assert vectors.shape == (4, DIM)
    assert vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors[:3], axis=1), 1.0, atol=1e-5)


def test_embed_empty_text_is_zero_vector(vectors):
    assert not vectors[3].any()


def test_embed_paraphrases_are_closer_than_other_topics(vectors):
    assert vectors[0] @ vectors[1] > vectors[0] @ vectors[2] + 0.2


def test_embed_batches_agree_with_single_calls(vectors):
    single = embed(["Poland, Hungary and the Czech Republic joined NATO on Friday."])
    assert np.allclose(single[0], vectors[2], atol=1e-4)


def test_embed_no_texts_gives_empty_array():
    assert embed([]).shape == (0, DIM)
