"""Splits a shipped model.onnx into the two graphs the runtime's character-feature cache runs:

  char-encoder.onnx  chars [N, 12]                                    -> charFeatures [N, 64]
  tagger.onnx        words [B, T], charFeatures [B, T, 64], shapes [B, T] -> logits [B, T, 9]

The character CNN (embedding, convolution, ReLU, max-pool) depends on one token's characters only,
so the runtime computes it once per distinct token and caches it across documents instead of once
per token position of every window (it was about half of each inference). Both graphs are cut out
of model.onnx itself, node for node, with the same weights: any retrained model.onnx of this
architecture is converted by the same step, no checkpoint needed, and the arithmetic is unchanged.
The word embedding stays in the tagger only.

split.json records the SHA-256 of the model.onnx they came from and of each derived file; the
runtime uses the split only when every hash matches, and otherwise runs model.onnx whole (with a
warning), so a model.onnx shipped without re-running this step costs speed, never correctness.

Run after every new model.onnx:  /usr/bin/python3 models/ner/split.py [MODEL_DIR]   (default models/ner)
"""
import hashlib
import json
import os
import sys

import onnx
from onnx import TensorProto, helper

HERE = os.path.dirname(os.path.abspath(__file__))
CHAR_ENCODER = 'char-encoder.onnx'
TAGGER = 'tagger.onnx'
MANIFEST = 'split.json'
FEATURES = 'charFeatures'


def sha256(path):
    with open(path, 'rb') as f:
        return hashlib.sha256(f.read()).hexdigest()


def producers(graph):
    return {out: node for node in graph.node for out in node.output}


def consumers(graph, name):
    return [node for node in graph.node if name in node.input]


def ancestors(graph, outputs, stop=()):
    """Nodes needed to compute `outputs`, not looking past the tensors in `stop`, in graph order."""
    made_by = producers(graph)
    needed, todo = set(), [o for o in outputs if o not in stop]
    while todo:
        node = made_by.get(todo.pop())
        if node is None or id(node) in needed:
            continue
        needed.add(id(node))
        todo.extend(i for i in node.input if i and i not in stop)
    return [n for n in graph.node if id(n) in needed]


def used_initializers(graph, nodes):
    names = {i for n in nodes for i in n.input}
    return [t for t in graph.initializer if t.name in names]


def cut_points(graph):
    """The character pool (the one ReduceMax), the Reshape that lays it out [B, T, 64], the Reshape
    that flattens the characters [B*T, 12] and the tensor it flattens. Refuses any other layout."""
    pools = [n for n in graph.node if n.op_type == 'ReduceMax']
    if len(pools) != 1:
        sys.exit(f'expected one ReduceMax (the character max-pool), found {len(pools)}')
    pool = pools[0]
    after = consumers(graph, pool.output[0])
    if len(after) != 1 or after[0].op_type != 'Reshape':
        sys.exit('the character max-pool is not followed by one Reshape to [B, T, 64]')
    inputs = {i.name for i in graph.input}
    # `vectors` (a model trained with --vectors) goes to the tagger like words and shapes.
    if inputs - {'vectors'} != {'words', 'chars', 'shapes'}:
        sys.exit(f'unexpected inputs {sorted(inputs)}')
    made_by = producers(graph)
    # Walk from `chars` through an optional Cast to the Reshape that flattens it.
    flat_source = 'chars'
    nxt = consumers(graph, flat_source)
    if len(nxt) == 1 and nxt[0].op_type == 'Cast':
        flat_source = nxt[0].output[0]
        nxt = consumers(graph, flat_source)
    if len(nxt) != 1 or nxt[0].op_type != 'Reshape':
        sys.exit('chars is not flattened by one Reshape')
    flatten = nxt[0]
    char_nodes = ancestors(graph, [pool.output[0]], stop={flatten.output[0]})
    if any(i in inputs for n in char_nodes for i in n.input):
        sys.exit('the character features depend on a model input other than through the flattened characters')
    if made_by[flatten.output[0]] is not flatten:
        sys.exit('unexpected graph')
    return pool, after[0], flatten, flat_source, char_nodes


def input_type(graph, name):
    return next(i for i in graph.input if i.name == name).type.tensor_type.elem_type


def make_model(source, graph, doc, source_hash):
    model = helper.make_model(graph, opset_imports=source.opset_import, producer_name='voile models/ner/split.py')
    model.ir_version = source.ir_version
    model.doc_string = doc
    helper.set_model_props(model, {'voile.source': 'model.onnx', 'voile.source_sha256': source_hash})
    onnx.checker.check_model(model)
    return model


def char_encoder(source, pool, flatten, flat_source, char_nodes, features, source_hash):
    graph = source.graph
    max_chars = next(i for i in graph.input if i.name == 'chars').type.tensor_type.shape.dim[2].dim_value
    cast = [n for n in graph.node if n.output and n.output[0] == flat_source and n.input[0] == 'chars']
    nodes = [onnx.NodeProto() for _ in cast + char_nodes]
    for copy, node in zip(nodes, cast + char_nodes):
        copy.CopyFrom(node)
        # The flattened characters are now the input itself (cast if the model casts them).
        for k, name in enumerate(copy.input):
            if name == flatten.output[0]:
                copy.input[k] = flat_source
    nodes[-1].output[0] = FEATURES
    if pool.output[0] != char_nodes[-1].output[0]:
        sys.exit('the character pool is not the last character node')
    g = helper.make_graph(
        nodes, 'char_encoder',
        [helper.make_tensor_value_info('chars', input_type(graph, 'chars'), ['tokens', max_chars])],
        [helper.make_tensor_value_info(FEATURES, TensorProto.FLOAT, ['tokens', features])],
        initializer=used_initializers(graph, char_nodes),
    )
    return make_model(source, g, 'Character features of distinct tokens, cut from model.onnx by models/ner/split.py', source_hash)


def tagger(source, layout, features, source_hash):
    graph = source.graph
    features = layout.output[0]
    outputs = [o.name for o in graph.output]
    nodes = ancestors(graph, outputs, stop={features})
    if any('chars' in n.input for n in nodes):
        sys.exit('the tagger would still read chars')
    copies = []
    for node in nodes:
        copy = onnx.NodeProto()
        copy.CopyFrom(node)
        for k, name in enumerate(copy.input):
            if name == features:
                copy.input[k] = FEATURES
        copies.append(copy)
    inputs = [i for i in graph.input if i.name != 'chars']
    dims = [d.dim_param or d.dim_value for d in next(i for i in graph.input if i.name == 'words').type.tensor_type.shape.dim]
    inputs.insert(1, helper.make_tensor_value_info(FEATURES, TensorProto.FLOAT, dims + [features]))
    g = helper.make_graph(copies, 'tagger', inputs, list(graph.output), initializer=used_initializers(graph, copies))
    return make_model(source, g, 'model.onnx with precomputed character features, cut by models/ner/split.py', source_hash)


def main():
    out = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else HERE)
    source_path = os.path.join(out, 'model.onnx')
    source_hash = sha256(source_path)
    source = onnx.load(source_path)
    pool, layout, flatten, flat_source, char_nodes = cut_points(source.graph)
    # Feature width: the output channels of the last character convolution.
    conv = [n for n in char_nodes if n.op_type == 'Conv'][-1]
    features = int(next(t for t in source.graph.initializer if t.name == conv.input[1]).dims[0])
    onnx.save(char_encoder(source, pool, flatten, flat_source, char_nodes, features, source_hash), os.path.join(out, CHAR_ENCODER))
    onnx.save(tagger(source, layout, features, source_hash), os.path.join(out, TAGGER))
    manifest = {
        'source': 'model.onnx',
        'sourceSha256': source_hash,
        'charEncoder': {'file': CHAR_ENCODER, 'sha256': sha256(os.path.join(out, CHAR_ENCODER))},
        'tagger': {'file': TAGGER, 'sha256': sha256(os.path.join(out, TAGGER))},
        'charFeatures': features,
    }
    with open(os.path.join(out, MANIFEST), 'w') as f:
        json.dump(manifest, f, indent=1)
        f.write('\n')
    print(f'{CHAR_ENCODER} ({len(char_nodes)} nodes), {TAGGER}, {MANIFEST} written for model.onnx {source_hash[:12]}')


if __name__ == '__main__':
    main()
