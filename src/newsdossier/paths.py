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


def default_out_dir(article: Path) -> Path:
    """The run folder for an article: reports/<article-name>/."""
    return REPORTS_DIR / Path(article).stem
