"""Re-exports the trained model (models/ner/data/state.pt, written by train.py) to ONNX with int32
inputs, cast to int64 inside the graph: the TypeScript side then hands its Int32Arrays to ONNX
Runtime as they are, without a BigInt conversion per token and per character.
Run: /usr/bin/python3 models/ner/export.py [OUT_DIR]"""
import json, os, sys
import torch
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from train import Tagger, TAGS  # noqa: E402
from tokenizer import CHARSET, MAX_CHARS  # noqa: E402


class Int32Inputs(torch.nn.Module):
    def __init__(self, inner):
        super().__init__()
        self.inner = inner

    def forward(self, words, chars, shapes):
        return self.inner(words.long(), chars.long(), shapes.long())


def main():
    # Optional argument: the directory train.py wrote to with --out (default models/ner).
    out = sys.argv[1] if len(sys.argv) > 1 else HERE
    vocab = json.load(open(os.path.join(out, 'vocab.json')))
    state = torch.load(os.path.join(out, 'data', 'state.pt'))
    # A state with attention parameters was trained with --context.
    model = Tagger(len(vocab['words']) + 2, len(CHARSET) + 2, len(TAGS), context=any(k.startswith('att_') for k in state))
    model.load_state_dict(state)
    model.eval()
    wrapped = Int32Inputs(model).eval()
    W = torch.randint(1, 50, (2, 7), dtype=torch.int32)
    C = torch.randint(0, 30, (2, 7, MAX_CHARS), dtype=torch.int32)
    S = torch.randint(1, 7, (2, 7), dtype=torch.int32)
    torch.onnx.export(wrapped, (W, C, S), os.path.join(out, 'model.onnx'), input_names=['words', 'chars', 'shapes'], output_names=['logits'],
                      dynamic_axes={'words': {0: 'batch', 1: 'tokens'}, 'chars': {0: 'batch', 1: 'tokens'}, 'shapes': {0: 'batch', 1: 'tokens'}, 'logits': {0: 'batch', 1: 'tokens'}},
                      opset_version=13)
    vocab['inputType'] = 'int32'
    json.dump(vocab, open(os.path.join(out, 'vocab.json'), 'w'), ensure_ascii=False)
    print('exported int32-input model')


if __name__ == '__main__':
    main()
