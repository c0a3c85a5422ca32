from newsevents.coding.gender import compatible, words_gender


def test_gender_titles_and_first_names():
    assert words_gender(["Mrs", "Smith"]) == "f"
    assert words_gender(["Taliban", "spokesman", "Ali", "Khan"]) == "m"
    assert words_gender(["Crown", "Prince", "Hassan"]) == "m"
    assert words_gender(["Zalmay", "Khalilzad"]) is None


def test_gender_unknown_is_compatible_with_both():
    assert compatible("she", None) and compatible("he", None)
    assert compatible("she", "f") and not compatible("she", "m")
    assert compatible("they", "m")
