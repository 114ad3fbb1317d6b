"""What a batch's worker processes start with: imported once by the forkserver they are forked from.

multiprocessing's forkserver preloads modules by name only, so importing this module is what loads the
extractors and the spaCy model ($NEWSDOSSIER_SPACY_MODEL or the default) and analyses one short made-up
article, which loads what the rules load on first use (word lists, country names). Every worker forked
from the server starts with all of it in memory (pages shared copy-on-write) instead of loading its own:
a second worker costs a fork, not a model load.
"""

from __future__ import annotations

import datetime as dt
import logging

from newsdossier.extract.pipeline import analyse
from newsdossier.text.article import Article
from newsdossier.text.nlp import get_nlp, model_name

WARM_UP = Article(
    "warm-up",
    "",
    '"We will open the bridge in May," Mayor Jane Doe of Exampleton said on Monday.\n\n'
    "The city council of Exampleton met in Paris last week, a spokeswoman for the council said.\n",
    dt.date(2024, 1, 1),
)

try:
    analyse(WARM_UP, nlp=get_nlp(model_name()))  # the model is cached by name, as the workers ask for it
except Exception:  # noqa: BLE001 - the forkserver must start anyway; a worker then reports the error itself
    logging.getLogger(__name__).debug("the forkserver could not warm up", exc_info=True)
