"""Reads a trained state back from an exported model.onnx, for a warm start when no checkpoint was kept
(train.py's data/state.pt is not committed; the shipped model.onnx is). export.py names each weight
after the PyTorch parameter (inner.<name>); the output layer's weight is exported transposed, as the
one MatMul initializer.
Run: /usr/bin/python3 models/ner/state_from_onnx.py models/ner/model.onnx OUT/data/state.pt
then train.py --init OUT/data/state.pt --init-vocab models/ner/vocab.json …"""
import sys
import onnx
import torch
from onnx import numpy_helper


def main():
    model = onnx.load(sys.argv[1])
    state, matmuls = {}, []
    for init in model.graph.initializer:
        tensor = torch.tensor(numpy_helper.to_array(init).copy())
        if init.name.startswith('inner.'):
            state[init.name[len('inner.'):]] = tensor
        elif init.name.startswith('onnx::MatMul'):
            matmuls.append(tensor)
    # Only the output layer is a bare MatMul in the graph export.py writes; any other layout is refused.
    if len(matmuls) != 1 or 'out.bias' not in state:
        sys.exit(f'unexpected graph: {len(matmuls)} MatMul weights')
    state['out.weight'] = matmuls[0].t().contiguous()
    torch.save(state, sys.argv[2])
    print('state with', len(state), 'tensors:', ', '.join(sorted(state)))


if __name__ == '__main__':
    main()
