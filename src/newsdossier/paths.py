"""Every path the project uses, rooted at the package so nothing is hard-coded elsewhere."""

from __future__ import annotations

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = PACKAGE_DIR.parent.parent
NOTEBOOKS_DIR = PROJECT_DIR / "notebooks"
DATA_DIR = PROJECT_DIR / "data"
ARTICLES_DIR = DATA_DIR / "articles"
MANIFEST = DATA_DIR / "manifest.csv"
REPORTS_DIR = PROJECT_DIR / "reports"
SEED_ARTICLE = ARTICLES_DIR / "000_dc816de6b9c4007f.txt"
REPORT_FILES = {"html": "report.html", "pdf": "report.pdf"}  # a rendered report's file, by format


def default_out_dir(article: Path) -> Path:
    """The run folder for an article: reports/<article-name>/."""
    return REPORTS_DIR / Path(article).stem


# The run folder's files: written by the extraction stages (extract/stages.py), read by the later
# steps and by the report, which reads files only.
ARTICLE_JSON = "article.json"
ARTICLE_TXT = "article.txt"
DOC_FILE = "doc.spacy"  # the parsed article (spaCy DocBin), so only step 01 runs the model
SENTENCES_CSV = "sentences.csv"
TIMEXES_CSV = "timexes.csv"
SENTENCE_DATES_CSV = "sentence_dates.csv"
ACTORS_CSV = "actors.csv"
MENTIONS_CSV = "mentions.csv"
CLAIMS_CSV = "claims.csv"
NETWORK_CSV = "network.csv"
TIMELINE_CSV = "timeline.csv"
WINDOW_JSON = "window.json"  # the timeline's core window, {"window": [first, last]} or {"window": null}
