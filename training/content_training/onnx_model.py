"""Writes the logistic regression as an ONNX graph by hand, and evaluates that graph with numpy.

features [N, F] -> MatMul W [F, 1] -> Add b -> Sigmoid -> Reshape [-1] -> attack_probability [N].
Opset 13 / IR 7 keeps the file loadable by any ONNX Runtime of the last several years.
"""
import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

OPSET = 13
IR_VERSION = 7
INPUT = "features"
OUTPUT = "attack_probability"


def build(w: np.ndarray, b: np.float32, metadata: dict, doc: str) -> onnx.ModelProto:
    feature_count = int(w.shape[0])
    initializers = [
        numpy_helper.from_array(w.reshape(feature_count, 1).astype(np.float32), "weights"),
        numpy_helper.from_array(np.array([b], dtype=np.float32), "bias"),
        numpy_helper.from_array(np.array([-1], dtype=np.int64), "flat_shape"),
    ]
    nodes = [
        helper.make_node("MatMul", [INPUT, "weights"], ["logit_column"], name="linear"),
        helper.make_node("Add", ["logit_column", "bias"], ["biased_logit_column"], name="bias_add"),
        helper.make_node("Sigmoid", ["biased_logit_column"], ["probability_column"], name="sigmoid"),
        helper.make_node("Reshape", ["probability_column", "flat_shape"], [OUTPUT], name="flatten"),
    ]
    graph = helper.make_graph(
        nodes,
        "content_model",
        [helper.make_tensor_value_info(INPUT, TensorProto.FLOAT, ["N", feature_count])],
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


def evaluate(model: onnx.ModelProto, features) -> np.ndarray:
    """Runs the graph as stored (not the Python weights), in float32 like a runtime would.

    Only the four operators this file writes are supported; anything else is an error.
    """
    values = {t.name: numpy_helper.to_array(t) for t in model.graph.initializer}
    values[INPUT] = features
    for node in model.graph.node:
        a = values[node.input[0]]
        if node.op_type == "MatMul":
            result = np.asarray(a @ values[node.input[1]], dtype=np.float32)
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
