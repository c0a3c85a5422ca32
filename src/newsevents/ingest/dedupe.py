"""Near-duplicate articles (wire copies): MinHash signatures over word shingles, LSH bands.

A copy of an article already seen is linked to it (``duplicate_of``) and not coded twice.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field

import numpy as np

N_PERM = 64
BANDS = 16  # 16 bands x 4 rows: pairs above ~0.7 Jaccard almost always share a band
ROWS = N_PERM // BANDS
SHINGLE = 5
THRESHOLD = 0.8  # estimated Jaccard of 5-word shingles at which two articles are copies
_PRIME = (1 << 61) - 1
_rng = np.random.default_rng(20210413)  # fixed: signatures must be stable across runs
_A = _rng.integers(1, _PRIME, N_PERM, dtype=np.uint64)
_B = _rng.integers(0, _PRIME, N_PERM, dtype=np.uint64)
_WORD = re.compile(r"\w+")


def _shingles(text: str) -> set[str]:
    words = _WORD.findall(text.lower())
    if len(words) < SHINGLE:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)}


def signature(text: str) -> np.ndarray:
    """MinHash signature (N_PERM uint64) of a text's word 5-shingles."""
    shingles = _shingles(text)
    if not shingles:
        return np.full(N_PERM, np.iinfo(np.uint64).max, dtype=np.uint64)
    base = np.array(
        [
            int.from_bytes(hashlib.blake2b(s.encode(), digest_size=8).digest(), "little") >> 4
            for s in shingles
        ],
        dtype=np.uint64,
    )
    # (a*x + b) mod p on uint64 wraps; the wrap is a fixed permutation too, which is all MinHash needs.
    hashed = (np.outer(base, _A) + _B) % np.uint64(_PRIME)
    return hashed.min(axis=0)


def band_keys(sig: np.ndarray) -> list[str]:
    return [
        f"{b}:{hashlib.blake2b(sig[b * ROWS : (b + 1) * ROWS].tobytes(), digest_size=8).hexdigest()}"
        for b in range(BANDS)
    ]


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.mean(a == b))


def to_hex(sig: np.ndarray) -> str:
    return sig.astype("<u8").tobytes().hex()


def from_hex(value: str) -> np.ndarray:
    return np.frombuffer(bytes.fromhex(value), dtype="<u8").astype(np.uint64)


@dataclass
class DuplicateIndex:
    """In-memory index (for runs without a store, and within one batch)."""

    threshold: float = THRESHOLD
    bands: dict[str, list[str]] = field(default_factory=dict)
    sigs: dict[str, np.ndarray] = field(default_factory=dict)

    def find(self, sig: np.ndarray) -> str | None:
        seen: set[str] = set()
        for key in band_keys(sig):
            for doc_id in self.bands.get(key, ()):
                if doc_id not in seen:
                    seen.add(doc_id)
                    if similarity(sig, self.sigs[doc_id]) >= self.threshold:
                        return doc_id
        return None

    def add(self, doc_id: str, sig: np.ndarray) -> None:
        self.sigs[doc_id] = sig
        for key in band_keys(sig):
            self.bands.setdefault(key, []).append(doc_id)

    def remove(self, doc_id: str) -> None:
        sig = self.sigs.pop(doc_id, None)
        if sig is not None:
            for key in band_keys(sig):
                self.bands[key] = [d for d in self.bands.get(key, []) if d != doc_id]
