"""What a batch's worker processes start with: imported once by the forkserver they are forked from.

multiprocessing's forkserver preloads modules by name only, so importing this module is what loads the
extractors and the spaCy model ($NEWSDOSSIER_SPACY_MODEL or the default). Every worker forked from the
server then starts with both in memory (pages shared copy-on-write) instead of loading its own model: a
second worker costs a fork, not a model load.
"""

from __future__ import annotations

import logging

import newsdossier.extract.pipeline  # noqa: F401 - the import is the point: spaCy, pandas and the rules
from newsdossier.text.nlp import get_nlp, model_name

try:
    get_nlp(model_name())  # cached by name, as process_chunk and the dask plugin ask for it
except Exception:  # noqa: BLE001 - the forkserver must start anyway; a worker then reports the error itself
    logging.getLogger(__name__).debug("the forkserver could not load the model", exc_info=True)
