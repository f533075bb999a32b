"""
The NER tokenizer and feature encoder. src/anonymize/text/ner/tokenizer.ts implements exactly the
same rules; test/text/tokenizer-parity.test.ts checks both on fixtures (models/ner/fixtures/).

Tokens: runs of letters/marks, runs of decimal digits, or one other non-space character; runs are
cut every MAX_TOKEN_CHARS characters. Features per token: a word id (folded: NFD, marks removed,
lowercased, digits → 0), a shape id, and up to MAX_CHARS char ids of the folded token.
"""
import unicodedata

MAX_TOKEN_CHARS = 24
MAX_CHARS = 12
SPACES = set(' \t\n\r\f\v\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff')
CHARSET = "abcdefghijklmnopqrstuvwxyz0123456789.,;:!?'\"()[]{}-_/\\@#%&*+=<>°€$œæß"
CHAR_IDS = {c: i + 2 for i, c in enumerate(CHARSET)}  # 0 pad, 1 unknown
SHAPES = ['pad', 'lower', 'capitalized', 'upper', 'single_upper', 'digits', 'punct', 'mixed']


def char_class(c):
    if c in SPACES:
        return 'S'
    cat = unicodedata.category(c)
    if cat[0] in 'LM':
        return 'L'
    if cat == 'Nd':
        return 'N'
    return 'P'


def tokenize(text):
    """Returns [(start, end)] in code points."""
    out = []
    i, n = 0, len(text)
    while i < n:
        k = char_class(text[i])
        if k == 'S':
            i += 1
            continue
        j = i + 1
        if k in 'LN':
            while j < n and char_class(text[j]) == k and j - i < MAX_TOKEN_CHARS:
                j += 1
        out.append((i, j))
        i = j
    return out


def fold(s):
    return ''.join(ch for ch in unicodedata.normalize('NFD', s) if unicodedata.category(ch) != 'Mn').lower()


def word_key(tok):
    return ''.join('0' if char_class(c) == 'N' else c for c in fold(tok))


def shape_id(tok):
    k = char_class(tok[0])
    if k == 'N':
        return 5
    if k == 'P':
        return 6
    if tok.lower() == tok and tok.upper() != tok:
        return 1
    if len(tok) == 1:
        return 4 if tok.upper() == tok and tok.lower() != tok else 7
    if tok.upper() == tok and tok.lower() != tok:
        return 3
    if tok[0].upper() == tok[0] and tok[0].lower() != tok[0] and tok[1:].lower() == tok[1:]:
        return 2
    return 7


def char_ids(tok):
    f = fold(tok)[:MAX_CHARS]
    return [CHAR_IDS.get(c, 1) for c in f] + [0] * (MAX_CHARS - len(f))


def vector_variants(tok):
    """The forms of a token looked up in the pretrained vectors' keys (build_vectors.py), in order:
    as written (NFC), lowercase, capitalised; an all-capitals word ("MARTIN") tries capitalised first,
    since capitals are a header's style, not the word's."""
    t = unicodedata.normalize('NFC', tok)
    low, cap = t.lower(), t[:1].upper() + t[1:].lower()
    if len(t) > 1 and t.upper() == t and low != t:
        return [cap, low, t]
    return [t, low, cap]


def vector_id(tok, keys):
    """Row of the token in the pretrained table (1..), 0 when no form of it is a key."""
    if char_class(tok[0]) != 'L':
        return 0
    for v in vector_variants(tok):
        r = keys.get(v)
        if r is not None:
            return r
    return 0


def load_vector_keys(path):
    import gzip
    keys = {}
    with gzip.open(path, 'rt', encoding='utf8') as f:
        for line in f:
            k, r = line.rstrip('\n').split('\t')
            keys[k] = int(r)
    return keys
