"""Writes the bundled linear model as a 5-node graph (Gather on the flat weights instead of Reshape,
GatherElements, Shape, Reshape): same inputs, outputs, weights and metadata. Usage:
    /usr/bin/python3 five_node_graph.py src/Gateway/assets/model/content-model.onnx /tmp/five.onnx
"""
import sys

import numpy as np
import onnx
from onnx import helper, numpy_helper

model = onnx.load(sys.argv[1])
graph = model.graph
initial = {t.name: numpy_helper.to_array(t) for t in graph.initializer}
nodes = [
    helper.make_node("Gather", ["weights", "feature_index"], ["slot_weights"], axis=0),
    helper.make_node("Mul", ["slot_weights", "feature_value"], ["slot_terms"]),
    helper.make_node("ReduceSum", ["slot_terms", "row_axis"], ["logit"], keepdims=0),
    helper.make_node("Add", ["logit", "bias"], ["biased_logit"]),
    helper.make_node("Sigmoid", ["biased_logit"], ["attack_probability"]),
]
initializers = [numpy_helper.from_array(initial["weights"].reshape(-1).astype(np.float32), "weights"),
                numpy_helper.from_array(initial["bias"].astype(np.float32), "bias"),
                numpy_helper.from_array(initial["row_axis"], "row_axis")]
out = helper.make_model(helper.make_graph(nodes, graph.name, list(graph.input), list(graph.output), initializers),
                        opset_imports=model.opset_import)
out.ir_version = model.ir_version
out.metadata_props.extend(model.metadata_props)
onnx.checker.check_model(out)
onnx.save(out, sys.argv[2])
