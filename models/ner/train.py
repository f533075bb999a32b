"""
Trains Voile's NER model and exports it to ONNX.
  /usr/bin/python3 models/ner/make_data.py
  nice -n 10 /usr/bin/python3 models/ner/train.py [--minutes 10]
  /usr/bin/python3 models/ner/export.py
Writes models/ner/vocab.json (word vocabulary + labels + tokenizer constants), models/ner/metrics.json
(token/entity scores on the held-out synthetic split) and models/ner/data/state.pt; export.py makes
model.onnx from them (int32 inputs), then split.py its runtime files.

Architecture (small on purpose: CPU inference ≥ 200 KB/s per core): word embedding (48) + char CNN
(24-dim chars, 64 filters, width 3, max-pool) + shape embedding (8) → 3 dilated 1-D convolutions
(128 channels, dilation 1, 2, 4, residual) → linear BIO tagger over PERSON, CITY, HOSPITAL, ADDRESS.
Decoding (BIO repair and spans) lives in TypeScript.
"""
import argparse, collections, json, os, random, sys, time
import torch
import torch.nn as nn
import torch.nn.functional as F

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from tokenizer import tokenize, word_key, shape_id, char_ids, vector_id, load_vector_keys, MAX_CHARS, CHARSET, MAX_TOKEN_CHARS  # noqa: E402

ENTITY = ['PERSON', 'CITY', 'HOSPITAL', 'ADDRESS']
TAGS = ['O'] + [f'{p}-{e}' for e in ENTITY for p in ('B', 'I')]
MAX_LEN = 128


class Tagger(nn.Module):
    def __init__(self, vocab_size, n_chars, n_tags, wdim=48, cdim=24, cfil=64, sdim=8, hid=128, context=False, adim=64, vectors=None):
        super().__init__()
        self.context = context
        self.vectors = vectors is not None
        if self.vectors:
            # Pretrained vectors (--vectors, build_vectors.py): a frozen table, a learned projection
            # added to the first convolution's output before its ReLU. The projection starts at zero,
            # so a warm start begins exactly at the model it extends.
            self.register_buffer('vec_table', torch.as_tensor(vectors, dtype=torch.float32))
            self.vec_proj = nn.Linear(self.vec_table.shape[1], hid)
            nn.init.zeros_(self.vec_proj.weight)
            nn.init.zeros_(self.vec_proj.bias)
        self.word = nn.Embedding(vocab_size, wdim, padding_idx=0)
        self.char = nn.Embedding(n_chars, cdim, padding_idx=0)
        self.char_conv = nn.Conv1d(cdim, cfil, 3, padding=1)
        self.shape = nn.Embedding(8, sdim, padding_idx=0)
        self.inp = nn.Conv1d(wdim + cfil + sdim, hid, 3, padding=1)
        self.d2 = nn.Conv1d(hid, hid, 3, padding=2, dilation=2)
        self.d4 = nn.Conv1d(hid, hid, 3, padding=4, dilation=4)
        self.out = nn.Linear(hid, n_tags)
        self.drop = nn.Dropout(0.25)
        if context:
            # Window-wide context (--context): one masked self-attention head over the convolutions'
            # output, residual. The convolutions see +-7 tokens; this layer lets a token use the whole
            # 128-token window ("lives in X" three lines up, the same word tagged elsewhere). Its output
            # projection starts at zero, so a warm start begins exactly at the model it extends.
            self.att_q = nn.Linear(hid, adim)
            self.att_k = nn.Linear(hid, adim)
            self.att_v = nn.Linear(hid, adim)
            self.att_o = nn.Linear(adim, hid)
            nn.init.zeros_(self.att_o.weight)
            nn.init.zeros_(self.att_o.bias)
            self.att_scale = adim ** -0.5

    def forward(self, words, chars, shapes, vecs=None):
        b, t = words.shape
        c = self.char(chars.reshape(b * t, MAX_CHARS)).transpose(1, 2)  # (bt, cdim, C)
        c = F.relu(self.char_conv(c)).max(dim=2).values.reshape(b, t, -1)
        # Padding positions are zeroed before every convolution so that a sequence gets the same
        # output alone or padded inside a batch (the runner batches sequences of different lengths).
        mask = (words != 0).to(torch.float32).unsqueeze(1)  # (b, 1, t)
        x = torch.cat([self.word(words), c, self.shape(shapes)], dim=2)
        x = self.drop(x).transpose(1, 2) * mask  # (b, feat, t)
        h = self.inp(x)
        if self.vectors:
            h = h + self.vec_proj(self.drop(F.embedding(vecs, self.vec_table))).transpose(1, 2)
        h = F.relu(h) * mask
        h = h + F.relu(self.d2(self.drop(h))) * mask
        h = h + F.relu(self.d4(self.drop(h))) * mask
        h = h.transpose(1, 2)  # (b, t, hid)
        if self.context:
            # Padded keys get a large negative score (their weight underflows to exactly 0), so a
            # window's output does not depend on the padding of its batch.
            scores = torch.matmul(self.att_q(h), self.att_k(h).transpose(1, 2)) * self.att_scale
            scores = scores.masked_fill(mask == 0, -1e4)  # mask (b, 1, t) broadcasts over queries
            att = torch.matmul(torch.softmax(scores, dim=-1), self.att_v(h))
            h = h + self.att_o(self.drop(att)) * mask.transpose(1, 2)
        return self.out(self.drop(h))


def encode(row, vocab, keys=None):
    text = row['text']
    toks = tokenize(text)
    tags = [0] * len(toks)
    for s, e, lab in row.get('entities', []):
        first = True
        for i, (ts, te) in enumerate(toks):
            if ts >= s and ts < e:
                tags[i] = TAGS.index(('B-' if first else 'I-') + lab)
                first = False
    words = [vocab.get(word_key(text[s:e]), 1) for s, e in toks]
    shapes = [shape_id(text[s:e]) for s, e in toks]
    chars = [char_ids(text[s:e]) for s, e in toks]
    vecs = [vector_id(text[s:e], keys) if keys is not None else 0 for s, e in toks]
    out = []
    for k in range(0, max(1, len(toks)), MAX_LEN):
        out.append((words[k:k + MAX_LEN], chars[k:k + MAX_LEN], shapes[k:k + MAX_LEN], tags[k:k + MAX_LEN], vecs[k:k + MAX_LEN]))
    return [o for o in out if o[0]]


def batchify(items):
    t = max(len(i[0]) for i in items)
    W = torch.zeros(len(items), t, dtype=torch.long)
    C = torch.zeros(len(items), t, MAX_CHARS, dtype=torch.long)
    S = torch.zeros(len(items), t, dtype=torch.long)
    Y = torch.full((len(items), t), -100, dtype=torch.long)
    V = torch.zeros(len(items), t, dtype=torch.long)
    for k, (w, c, s, y, v) in enumerate(items):
        n = len(w)
        W[k, :n] = torch.tensor(w)
        C[k, :n] = torch.tensor(c)
        S[k, :n] = torch.tensor(s)
        Y[k, :n] = torch.tensor(y)
        V[k, :n] = torch.tensor(v)
    return W, C, S, Y, V


def spans(tags):
    out, cur = set(), None
    for i, t in enumerate(tags + [0]):
        name = TAGS[t]
        if cur and (name == 'O' or name.startswith('B-') or name[2:] != cur[0]):
            out.add((cur[0], cur[1], i))
            cur = None
        if name != 'O' and cur is None:
            cur = (name[2:], i)
    return out


def evaluate(model, data):
    model.eval()
    tp = fp = fn = 0
    with torch.no_grad():
        for k in range(0, len(data), 64):
            items = data[k:k + 64]
            W, C, S, Y, V = batchify(items)
            pred = model(W, C, S, V).argmax(-1)
            for j, it in enumerate(items):
                n = len(it[0])
                g, p = spans(list(it[3])), spans(pred[j, :n].tolist())
                tp += len(g & p); fp += len(p - g); fn += len(g - p)
    model.train()
    pr = tp / max(1, tp + fp); rc = tp / max(1, tp + fn)
    return {'precision': round(pr, 4), 'recall': round(rc, 4), 'f1': round(2 * pr * rc / max(1e-9, pr + rc), 4)}


def remap_words(old_weight, old_words, new_words, fresh):
    """Word-embedding rows for a new vocabulary: pad and unknown rows kept, a word known before keeps
    its row, a new word starts from the old unknown-word row (what the model saw for it until now)."""
    out = fresh.clone()
    out[0], out[1] = old_weight[0], old_weight[1]
    old = {w: i + 2 for i, w in enumerate(old_words)}
    kept = 0
    for i, w in enumerate(new_words):
        j = old.get(w)
        out[i + 2] = old_weight[j] if j is not None else old_weight[1]
        kept += j is not None
    print('warm start: word rows kept', kept, 'of', len(new_words), flush=True)
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--minutes', type=float, default=10)
    ap.add_argument('--threads', type=int, default=1)
    ap.add_argument('--init', help='warm start from a state dict saved by a previous run (models/ner/data/state.pt)')
    ap.add_argument('--init-vocab', help="the vocab.json that --init's state was trained with, when the vocabulary changed: "
                    'rows of words in both vocabularies are copied, new words start from the unknown-word row')
    ap.add_argument('--lr', type=float, default=2e-3)
    ap.add_argument('--context', action='store_true', help='add the window-wide self-attention layer (a state without it warm-starts the rest)')
    ap.add_argument('--context-lr', type=float, default=2e-3, help="learning rate of the attention layer's parameters (with --context)")
    ap.add_argument('--vectors', action='store_true', help='add the pretrained word vectors (build_vectors.py: data/vector-keys.tsv.gz, data/vectors.npy; a state without them warm-starts the rest)')
    ap.add_argument('--keep-epochs', action='store_true', help='also save every epoch\'s state (data/state-epochN.pt), to choose one on other data than the synthetic held-out split')
    ap.add_argument('--out', default=HERE, help='where vocab.json, metrics.json and data/state.pt go, and export.py OUT then writes model.onnx (default models/ner; '
                    'a scratch directory keeps the shipped model in place until the new one is accepted)')
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(7); random.seed(7)
    train_rows = [json.loads(l) for l in open(os.path.join(HERE, 'data', 'train.jsonl'))]
    dev_rows = [json.loads(l) for l in open(os.path.join(HERE, 'data', 'dev.jsonl'))]
    counts = collections.Counter()
    for r in train_rows:
        for s, e in tokenize(r['text']):
            counts[word_key(r['text'][s:e])] += 1
    words = [w for w, c in counts.most_common(20000) if c >= 2]
    vocab = {w: i + 2 for i, w in enumerate(words)}
    keys, table = None, None
    if args.vectors:
        import numpy as np
        keys = load_vector_keys(os.path.join(HERE, 'data', 'vector-keys.tsv.gz'))
        table = np.load(os.path.join(HERE, 'data', 'vectors.npy'))
    train = [x for r in train_rows for x in encode(r, vocab, keys)]
    dev = [x for r in dev_rows for x in encode(r, vocab, keys)]
    print('train seqs', len(train), 'dev seqs', len(dev), 'vocab', len(vocab) + 2, flush=True)
    model = Tagger(len(vocab) + 2, len(CHARSET) + 2, len(TAGS), context=args.context, vectors=table)
    if args.init:
        state = torch.load(args.init)
        if args.init_vocab:
            state['word.weight'] = remap_words(state['word.weight'], json.load(open(args.init_vocab))['words'], words, model.word.weight.detach())
        missing, unexpected = model.load_state_dict(state, strict=False)
        if unexpected or any(not k.startswith(('att_', 'vec_')) for k in missing):
            sys.exit(f'--init does not fit this architecture: missing {missing}, unexpected {unexpected}')
        print('warm start from', args.init, 'dev', evaluate(model, dev), flush=True)
    os.makedirs(os.path.join(args.out, 'data'), exist_ok=True)
    vocab_json = {'words': words, 'tags': TAGS, 'charset': CHARSET, 'maxChars': MAX_CHARS, 'maxTokenChars': MAX_TOKEN_CHARS, 'maxLen': MAX_LEN}
    # Written now, and the best state after every epoch that improves: a long run can be exported
    # (export.py OUT) and looked at before it ends.
    json.dump(vocab_json, open(os.path.join(args.out, 'vocab.json'), 'w'), ensure_ascii=False)
    new = [p for n, p in model.named_parameters() if n.startswith(('att_', 'vec_'))]
    old = [p for n, p in model.named_parameters() if not n.startswith(('att_', 'vec_'))]
    opt = torch.optim.Adam([{'params': old, 'lr': args.lr}] + ([{'params': new, 'lr': args.context_lr}] if new else []))
    deadline = time.time() + args.minutes * 60
    epoch = 0
    best, best_state = -1, None
    weights = torch.ones(len(TAGS)); weights[0] = 0.5
    while time.time() < deadline and epoch < 30:
        epoch += 1
        random.shuffle(train)
        train.sort(key=lambda x: len(x[0]) + random.random() * 8)  # length buckets, shuffled batches
        batches = [train[k:k + 32] for k in range(0, len(train), 32)]
        random.shuffle(batches)
        total = 0.0
        for items in batches:
            # word dropout: teaches the model to use characters and shape for unknown names
            W, C, S, Y, V = batchify(items)
            mask = (torch.rand(W.shape) < 0.1) & (W > 1)
            W = W.masked_fill(mask, 1)
            # the same for the pretrained vectors: a word without one must still be found
            V = V.masked_fill(torch.rand(V.shape) < 0.1, 0)
            loss = F.cross_entropy(model(W, C, S, V).reshape(-1, len(TAGS)), Y.reshape(-1), weight=weights, ignore_index=-100)
            opt.zero_grad(); loss.backward(); opt.step()
            total += loss.item()
            if time.time() > deadline:
                break
        m = evaluate(model, dev)
        print(f'epoch {epoch} loss {total / len(batches):.4f} dev {m}', flush=True)
        if args.keep_epochs:
            torch.save(model.state_dict(), os.path.join(args.out, 'data', f'state-epoch{epoch}.pt'))
        if m['f1'] > best:
            best, best_state = m['f1'], {k: v.clone() for k, v in model.state_dict().items()}
            torch.save(best_state, os.path.join(args.out, 'data', 'state.pt'))
    model.load_state_dict(best_state)
    torch.save(best_state, os.path.join(args.out, 'data', 'state.pt'))
    model.eval()
    metrics = evaluate(model, dev)
    json.dump(vocab_json, open(os.path.join(args.out, 'vocab.json'), 'w'), ensure_ascii=False)
    json.dump({'heldOutSynthetic': metrics, 'epochs': epoch, 'trainSequences': len(train), 'params': sum(p.numel() for p in model.parameters())},
              open(os.path.join(args.out, 'metrics.json'), 'w'), indent=1)
    print('final', metrics, flush=True)


if __name__ == '__main__':
    main()
