"""Re-exports the trained model (models/ner/data/state.pt, written by train.py) to ONNX with int32
inputs, cast to int64 inside the graph: the TypeScript side then hands its Int32Arrays to ONNX
Runtime as they are, without a BigInt conversion per token and per character.
Run: /usr/bin/python3 models/ner/export.py [OUT_DIR]"""
import json, os, shutil, sys
import torch
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from train import Tagger, TAGS  # noqa: E402
from tokenizer import CHARSET, MAX_CHARS  # noqa: E402


class Int32Inputs(torch.nn.Module):
    def __init__(self, inner):
        super().__init__()
        self.inner = inner

    def forward(self, words, chars, shapes, vectors=None):
        return self.inner(words.long(), chars.long(), shapes.long(), None if vectors is None else vectors.long())


def main():
    # Optional argument: the directory train.py wrote to with --out (default models/ner).
    out = sys.argv[1] if len(sys.argv) > 1 else HERE
    vocab = json.load(open(os.path.join(out, 'vocab.json')))
    state = torch.load(os.path.join(out, 'data', 'state.pt'))
    # A state with attention parameters was trained with --context.
    # A state with a vector table was trained with --vectors: the model takes a fourth input, the
    # tokens' rows in it (vocab.json's vectorKeys names the key file the runtime looks them up in).
    vectors = state.get('vec_table')
    model = Tagger(len(vocab['words']) + 2, len(CHARSET) + 2, len(TAGS), context=any(k.startswith('att_') for k in state),
                   vectors=None if vectors is None else vectors.numpy())
    model.load_state_dict(state)
    model.eval()
    wrapped = Int32Inputs(model).eval()
    W = torch.randint(1, 50, (2, 7), dtype=torch.int32)
    C = torch.randint(0, 30, (2, 7, MAX_CHARS), dtype=torch.int32)
    S = torch.randint(1, 7, (2, 7), dtype=torch.int32)
    names = ['words', 'chars', 'shapes']
    args = (W, C, S)
    if vectors is not None:
        names.append('vectors')
        args = (W, C, S, torch.randint(0, vectors.shape[0], (2, 7), dtype=torch.int32))
    axes = {n: {0: 'batch', 1: 'tokens'} for n in names + ['logits']}
    torch.onnx.export(wrapped, args, os.path.join(out, 'model.onnx'), input_names=names, output_names=['logits'], dynamic_axes=axes, opset_version=13)
    vocab['inputType'] = 'int32'
    if vectors is not None:
        # The runtime looks the tokens' rows up in the keys build_vectors.py wrote: they travel with the model.
        vocab['vectorKeys'] = 'vector-keys.tsv.gz'
        shutil.copyfile(os.path.join(HERE, 'data', 'vector-keys.tsv.gz'), os.path.join(out, vocab['vectorKeys']))
    else:
        vocab.pop('vectorKeys', None)
    json.dump(vocab, open(os.path.join(out, 'vocab.json'), 'w'), ensure_ascii=False)
    print('exported int32-input model')


if __name__ == '__main__':
    main()
