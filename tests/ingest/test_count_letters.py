"""Issue 16: the letter count of validation is str.isalpha's, counted faster."""

import pytest

from newsevents.ingest.clean import count_letters

pytestmark = pytest.mark.issue(16)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Rebels attacked a police post on Monday, 3 officers said.",
        "El ministro habló en Zürich: «señal» — ½ de 2² es ¼, Ⅻ y ª.",
        "Δέλτα мир 中文 한국어 يی あア ㄅ ǅ ʰ \u0301 \ud800 x",
        "".join(chr(i) for i in range(0xD7FF)),
    ],
)
def test_count_letters_is_isalpha(text):
    assert count_letters(text) == sum(ch.isalpha() for ch in text)
