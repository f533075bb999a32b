"""Writes models/ner/fixtures/tokenizer.jsonl: texts with the Python tokenizer's tokens and features,
which test/text/tokenizer-parity.test.ts compares with the TypeScript tokenizer.
Run: /usr/bin/python3 models/ner/make_fixtures.py"""
import json, os, sys
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from tokenizer import tokenize, word_key, shape_id, char_ids, vector_id, load_vector_keys  # noqa: E402

TEXTS = [
    'Mme Jeanne DUPONT, née le 12/03/1950 à Saint-Étienne.',
    "L'IRM du 3 févr. 2021 montre une lésion de 12,5 mm ; Dr O'Neill.",
    'Tél : +33 (0)6 12 34 56 78 — jeanne.dupont@chu-nantes.fr',
    'ÉLÉONORE Ørsted, Œdème, cœur, Straße, naïve, Zoë, àéîõü ÀÉÎÕÜ',
    'J+5 post-op, T° 38,2°C, SpO2 95 %, 14h30, BRCA1, HbA1c 7.2%',
    'pt seen by dr smith today; mrs o\u2019brien c/o sob.\tno\u00a0fever\u202fok',
    'Emoji 😀 and 𝐁𝐨𝐥𝐝 math letters, 北京 and Москва, ١٢٣ digits',
    'supercalifragilisticexpialidociousextraordinarylongword 123456789012345678901234567890',
    'x',
    '',
    # Pretrained-vector lookups (vector_id): capitals, decomposed accents, ligatures, dotted I.
    'MARTIN Lefebvre lefebvre OKONKWO Calgary QUIMPER e\u0301cole ÉCOLE STRASSE Straße İstanbul ǅemal',
]
# The pretrained vectors' keys, when the shipped model was trained with them (vocab.json's vectorKeys).
VECTOR_KEYS = json.load(open(os.path.join(HERE, 'vocab.json'))).get('vectorKeys')
keys = load_vector_keys(os.path.join(HERE, VECTOR_KEYS)) if VECTOR_KEYS else None

os.makedirs(os.path.join(HERE, 'fixtures'), exist_ok=True)
with open(os.path.join(HERE, 'fixtures', 'tokenizer.jsonl'), 'w', encoding='utf-8') as f:
    for t in TEXTS:
        toks = [t[s:e] for s, e in tokenize(t)]
        row = {'text': t, 'tokens': toks, 'keys': [word_key(x) for x in toks], 'shapes': [shape_id(x) for x in toks], 'chars': [char_ids(x) for x in toks]}
        if keys is not None:
            row['vectors'] = [vector_id(x, keys) for x in toks]
        f.write(json.dumps(row, ensure_ascii=False) + '\n')
print('ok')
