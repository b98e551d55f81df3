"""Writes the logistic regression as an ONNX graph by hand, and evaluates that graph with numpy.

Two layouts of the same weights:

* sparse (the bundled model, `feature_input` = `sparse-v1`): only a row's non-zero features go in.
  feature_index int32 [N, K], feature_value float32 [N, K]
    -> Reshape [1, N*K] -> GatherElements(weights [1, F + 1], axis 1) -> Reshape as feature_value
    -> Mul feature_value -> ReduceSum axis 1 -> Add b -> Sigmoid -> attack_probability [N].
  A row with fewer than K non-zeros is padded with index F, whose weight is 0, and value 0.
  Rows are about 93% zeros (median 132 non-zeros of 2,109), so this reads a fraction of the
  memory the dense product does. GatherElements, not Gather: ONNX Runtime's CPU Gather costs about
  8 ns per looked-up weight (a 64-bit division and a memcpy call per element), its GatherElements a
  plain indexed load; over the flattened indices both compute the same thing.
* dense (`feature_input` = `dense-v1`): features float32 [N, F] -> MatMul W [F, 1] -> Add b
  -> Sigmoid -> Reshape [-1] -> attack_probability [N]. Kept as a test fixture with the same
  weights, so that tests and benchmarks can compare the two layouts.

Opset 13 / IR 7 keeps the file loadable by any ONNX Runtime of the last several years.
"""
import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

OPSET = 13
IR_VERSION = 7
DENSE_INPUT = "features"
SPARSE_INDEX = "feature_index"
SPARSE_VALUE = "feature_value"
OUTPUT = "attack_probability"
SPARSE_LAYOUT = "sparse-v1"
DENSE_LAYOUT = "dense-v1"
# Smallest K the sparse self-check pads to; the gateway rounds K up to powers of two from here.
MIN_SLOTS = 32


def build(w: np.ndarray, b: np.float32, metadata: dict, doc: str) -> onnx.ModelProto:
    """The bundled model: the sparse layout."""
    feature_count = int(w.shape[0])
    padded = np.concatenate([w.astype(np.float32), np.zeros(1, dtype=np.float32)]).reshape(1, feature_count + 1)
    initializers = [
        numpy_helper.from_array(padded, "weights"),
        numpy_helper.from_array(np.array([b], dtype=np.float32), "bias"),
        numpy_helper.from_array(np.array([1, -1], dtype=np.int64), "one_row"),
        numpy_helper.from_array(np.array([1], dtype=np.int64), "row_axis"),
    ]
    nodes = [
        helper.make_node("Reshape", [SPARSE_INDEX, "one_row"], ["flat_index"], name="flatten_index"),
        helper.make_node("GatherElements", ["weights", "flat_index"], ["flat_weights"], name="gather_weights", axis=1),
        helper.make_node("Shape", [SPARSE_VALUE], ["slot_shape"], name="slot_shape"),
        helper.make_node("Reshape", ["flat_weights", "slot_shape"], ["slot_weights"], name="unflatten_weights"),
        helper.make_node("Mul", ["slot_weights", SPARSE_VALUE], ["slot_terms"], name="terms"),
        helper.make_node("ReduceSum", ["slot_terms", "row_axis"], ["logit"], name="sum_terms", keepdims=0),
        helper.make_node("Add", ["logit", "bias"], ["biased_logit"], name="bias_add"),
        helper.make_node("Sigmoid", ["biased_logit"], [OUTPUT], name="sigmoid"),
    ]
    inputs = [
        helper.make_tensor_value_info(SPARSE_INDEX, TensorProto.INT32, ["N", "K"]),
        helper.make_tensor_value_info(SPARSE_VALUE, TensorProto.FLOAT, ["N", "K"]),
    ]
    return _model(nodes, inputs, initializers, {**metadata, "feature_input": SPARSE_LAYOUT}, doc)


def build_dense(w: np.ndarray, b: np.float32, metadata: dict, doc: str) -> onnx.ModelProto:
    """The same weights as a dense product over the whole feature vector."""
    feature_count = int(w.shape[0])
    initializers = [
        numpy_helper.from_array(w.reshape(feature_count, 1).astype(np.float32), "weights"),
        numpy_helper.from_array(np.array([b], dtype=np.float32), "bias"),
        numpy_helper.from_array(np.array([-1], dtype=np.int64), "flat_shape"),
    ]
    nodes = [
        helper.make_node("MatMul", [DENSE_INPUT, "weights"], ["logit_column"], name="linear"),
        helper.make_node("Add", ["logit_column", "bias"], ["biased_logit_column"], name="bias_add"),
        helper.make_node("Sigmoid", ["biased_logit_column"], ["probability_column"], name="sigmoid"),
        helper.make_node("Reshape", ["probability_column", "flat_shape"], [OUTPUT], name="flatten"),
    ]
    inputs = [helper.make_tensor_value_info(DENSE_INPUT, TensorProto.FLOAT, ["N", feature_count])]
    return _model(nodes, inputs, initializers, {**metadata, "feature_input": DENSE_LAYOUT}, doc)


def _model(nodes, inputs, initializers, metadata: dict, doc: str) -> onnx.ModelProto:
    graph = helper.make_graph(
        nodes,
        "content_model",
        inputs,
        [helper.make_tensor_value_info(OUTPUT, TensorProto.FLOAT, ["N"])],
        initializer=initializers,
    )
    model = helper.make_model(
        graph,
        producer_name="gateway-training",
        producer_version="1",
        doc_string=doc,
        opset_imports=[helper.make_opsetid("", OPSET)],
    )
    model.ir_version = IR_VERSION
    helper.set_model_props(model, {key: str(value) for key, value in metadata.items()})
    onnx.checker.check_model(model, full_check=True)
    return model


def sparse_inputs(features, feature_count: int) -> tuple:
    """A scipy CSR matrix as the sparse layout's inputs: K = the most non-zeros of any row, rounded up
    to a power of two from MIN_SLOTS and capped at F + 1, the rest padded with (F, 0) like the gateway does."""
    counts = np.diff(features.indptr)
    slots = MIN_SLOTS
    while slots < int(counts.max(initial=0)):
        slots *= 2
    slots = min(slots, feature_count + 1)
    index = np.full((features.shape[0], slots), feature_count, dtype=np.int32)
    value = np.zeros((features.shape[0], slots), dtype=np.float32)
    for row in range(features.shape[0]):
        start, end = features.indptr[row], features.indptr[row + 1]
        index[row, :end - start] = features.indices[start:end]
        value[row, :end - start] = features.data[start:end]
    return index, value


def evaluate(model: onnx.ModelProto, inputs: dict) -> np.ndarray:
    """Runs the graph as stored (not the Python weights), in float32 like a runtime would.

    `inputs` maps the graph's input names to arrays. Only the operators this file writes are
    supported; anything else is an error.
    """
    values = {t.name: numpy_helper.to_array(t) for t in model.graph.initializer}
    declared = {i.name for i in model.graph.input} - set(values)
    if set(inputs) != declared:
        raise ValueError(f"the graph takes {sorted(declared)}, given {sorted(inputs)}")
    values.update(inputs)
    for node in model.graph.node:
        a = values[node.input[0]]
        attributes = {attribute.name: helper.get_attribute_value(attribute) for attribute in node.attribute}
        if node.op_type == "MatMul":
            result = np.asarray(a @ values[node.input[1]], dtype=np.float32)
        elif node.op_type == "GatherElements":
            result = np.take_along_axis(a, values[node.input[1]].astype(np.int64), axis=attributes.get("axis", 0))
        elif node.op_type == "Shape":
            result = np.array(a.shape, dtype=np.int64)
        elif node.op_type == "Mul":
            result = (a * values[node.input[1]]).astype(np.float32)
        elif node.op_type == "ReduceSum":
            axes = tuple(int(axis) for axis in values[node.input[1]])
            result = np.sum(a, axis=axes, dtype=np.float32, keepdims=bool(attributes.get("keepdims", 1)))
        elif node.op_type == "Add":
            result = (a + values[node.input[1]]).astype(np.float32)
        elif node.op_type == "Sigmoid":
            result = (1.0 / (1.0 + np.exp(-a.astype(np.float64)))).astype(np.float32)
        elif node.op_type == "Reshape":
            result = a.reshape(values[node.input[1]])
        else:
            raise ValueError(f"unexpected operator {node.op_type}")
        values[node.output[0]] = result
    return values[OUTPUT]
