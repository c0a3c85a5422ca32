"""Word lists for time expressions (``data/dates/*.tsv``) and the regex pieces built from them.

Month and weekday names are matched case-sensitively (``May`` the month, ``may`` the verb);
everything else ignores case.
"""

from __future__ import annotations

import functools
import re

from newsevents.data import load_lines, load_tsv


def _alt(words: list[str]) -> str:
    """Regex alternation, longest first so ``Sept.`` wins over ``Sep``."""
    words = sorted(set(words), key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", " ") for w in words)


@functools.lru_cache(maxsize=1)
def months() -> dict[str, int]:
    return {r["word"]: int(r["num"]) for r in load_tsv("dates/months.tsv")}


@functools.lru_cache(maxsize=1)
def weekdays() -> dict[str, int]:
    return {r["word"]: int(r["num"]) for r in load_tsv("dates/weekdays.tsv")}


@functools.lru_cache(maxsize=1)
def numbers() -> dict[str, tuple[int, str]]:
    return {r["word"]: (int(r["num"]), r["kind"]) for r in load_tsv("dates/numbers.tsv")}


@functools.lru_cache(maxsize=1)
def units() -> dict[str, tuple[str, bool]]:
    return {r["word"]: (r["code"], r["time"] == "1") for r in load_tsv("dates/units.tsv")}


@functools.lru_cache(maxsize=1)
def seasons() -> dict[str, tuple[str, int, int]]:
    return {
        r["word"]: (r["code"], int(r["first"]), int(r["last"]))
        for r in load_tsv("dates/seasons.tsv")
    }


@functools.lru_cache(maxsize=1)
def dayparts() -> dict[str, str]:
    return {r["word"]: r["code"] for r in load_tsv("dates/dayparts.tsv")}


@functools.lru_cache(maxsize=1)
def holidays() -> dict[str, str]:
    return {r["name"]: r["rule"] for r in load_tsv("dates/holidays.tsv")}


@functools.lru_cache(maxsize=1)
def modifiers() -> tuple[tuple[re.Pattern, frozenset[str], str], ...]:
    """(regex ending right before an expression, its types, value regex) from modifiers.tsv."""
    out = []
    for r in load_tsv("dates/modifiers.tsv"):
        words = r"\s+".join(re.escape(w) for w in r["word"].split())
        pat = re.compile(rf"(?<![\w-])({words})\s+$", re.I)
        out.append((pat, frozenset(r["types"].split(",")), r["values"]))
    return tuple(out)


@functools.lru_cache(maxsize=1)
def fuzzy() -> frozenset[str]:
    return frozenset(w.lower() for w in load_lines("dates/fuzzy.tsv")[1:])


def _holiday_alt() -> str:
    names = sorted(holidays(), key=len, reverse=True)
    return "|".join(re.escape(h).replace(r"\ ", " ").replace("'", "['’]?") for h in names)


MULTIPLIERS = {"hundred": 100, "thousand": 1000, "dozen": 12}


def _num_words(articles: bool = True) -> str:
    nums = numbers()
    cards = [w for w, (_, k) in nums.items() if k == "card" and nums[w][0] < 10 and len(w) > 2]
    tens = [w for w, (_, k) in nums.items() if k == "tens"]
    plain = [w for w, (_, k) in nums.items() if k in ("card", "tens")]
    if not articles:  # "a"/"an" only count as one where the rule says so
        plain = [w for w in plain if w not in ("a", "an")]
    compound = rf"(?:{_alt(tens)})[- ](?:{_alt(cards)})"
    # "a hundred", "two thousand", "a dozen": a multiplier with its count
    times = rf"(?:(?:{compound}|{_alt(cards + ['a', 'an'])})[- ])?(?:{_alt(list(MULTIPLIERS))})"
    return rf"(?:{times}|{compound}|{_alt(plain)})"


def _year_words(modern: bool) -> str:
    """ "nineteen ninety-four", "nineteen oh five"; with ``modern`` also "two thousand (and)
    one" (ambiguous alone, so only used after "the year", a month or a season)."""
    nums = numbers()
    cards = [w for w, (n, k) in nums.items() if k == "card" and 0 < n < 20 and len(w) > 2]
    tens = [w for w, (_, k) in nums.items() if k == "tens"]
    low = rf"(?:(?:{_alt(tens)})(?:[- ](?:{_alt(cards)}))?|(?:oh|o)[- ](?:{_alt(cards)})|{_alt(cards)})"
    old = rf"(?:nineteen|eighteen)[- ]{low}"
    if not modern:
        return old
    return rf"(?:{old}|two thousand(?:(?: and)?[- ]{low})?)"


@functools.lru_cache(maxsize=1)
def _year_words_re() -> re.Pattern:
    return re.compile(rf"(?i)\b{_year_words(modern=False)}\b")


def has_year_words(text: str) -> bool:
    """The text holds a year written in words ("a nineteen ninety-seven raid"); only the
    unambiguous eighteen/nineteen hundreds ("two thousand one" may be a count)."""
    return bool(_year_words_re().search(text))


def _ord_words() -> str:
    nums = numbers()
    ords = [w for w, (_, k) in nums.items() if k == "ord"]
    tens = [w for w, (_, k) in nums.items() if k == "tens"]
    return rf"(?:(?:{_alt(tens)})[- ](?:{_alt(ords)})|{_alt(ords)})"


@functools.lru_cache(maxsize=1)
def placeholders() -> dict[str, str]:
    """``%NAME%`` -> regex used in ``data/dates/rules.tsv``."""
    unit_words = list(units())
    plural = [w for w in unit_words if w.endswith("s") and not w.endswith("ss")]
    singular = [w for w in unit_words if w not in plural]
    digits = r"\d{1,3}(?:,\d{3})*(?:\.\d+)?"
    return {
        "MONTH": rf"(?-i:{_alt(list(months()))})(?![\w])",
        "WEEKDAY": rf"(?-i:{_alt(list(weekdays()))})(?![\w])",
        "NUM": rf"(?:{digits}|{_num_words()})",
        "CARD": rf"(?:{digits}|{_num_words(articles=False)})",
        "ORD": rf"(?:\d{{1,2}}(?:st|nd|rd|th)|{_ord_words()})",
        "DAYNUM": r"(?:[0-3]?\d)(?:st|nd|rd|th)?(?!\d)",
        "YEAR": r"(?:1[5-9]\d\d|20\d\d)(?![\d,]\d)",
        "YEARW": _year_words(modern=True),
        "YEARW19": _year_words(modern=False),
        "UNIT": _alt(unit_words),
        "UNIT1": _alt(singular),
        "UNITS": _alt(plural),
        "SEASON": _alt(list(seasons())),
        "PART": _alt(list(dayparts())),
        "FUZZY": _alt(list(fuzzy())),
        "HOLIDAY": rf"(?-i:{_holiday_alt()})",
    }


def parse_number(text: str) -> int | float | None:
    """'24' -> 24, 'twenty-four' -> 24, 'a' -> 1, '1.5' -> 1.5, 'third' -> 3."""
    t = text.strip().lower().replace(",", "")
    t = re.sub(r"(st|nd|rd|th)$", "", t) if t[:1].isdigit() else t
    try:
        return int(t)
    except ValueError:
        pass
    try:
        return float(t)
    except ValueError:
        pass
    nums = numbers()
    total = current = 0
    for part in re.split(r"[- ]+", t):
        if part in ("and",):
            continue
        if part not in nums:
            return None
        if part in MULTIPLIERS:  # "two thousand" = 2 x 1000, "a hundred" = 1 x 100
            current = (current or 1) * MULTIPLIERS[part]
            if MULTIPLIERS[part] >= 1000:
                total, current = total + current, 0
        else:
            current += nums[part][0]
    return (total + current) or None


def parse_year(text: str) -> int:
    """'1998' -> 1998, '98 -> 1998, '05 -> 2005, 'nineteen ninety-four' -> 1994."""
    if re.search(r"[a-zA-Z]", text):
        return _parse_year_words(text)
    digits = re.sub(r"\D", "", text)
    y = int(digits)
    if len(digits) <= 2:
        y += 1900 if y >= 30 else 2000
    return y


def _parse_year_words(text: str) -> int:
    t = " ".join(text.lower().replace("-", " ").split())
    if t.startswith("two thousand"):
        rest = t.removeprefix("two thousand").removeprefix(" and").strip()
        return 2000 + (int(parse_number(rest) or 0) if rest else 0)
    century, _, rest = t.partition(" ")
    rest = re.sub(r"^(?:oh|o) ", "", rest)
    return int(parse_number(century) or 19) * 100 + int(parse_number(rest) or 0)


def lookup(table: dict, word: str):
    """Look a word up by exact form, then title case, then lower case."""
    for w in (word, word.title(), word.lower(), word.rstrip(".") + ".", word.rstrip(".")):
        if w in table:
            return table[w]
    return None
