"""The article as step 01 stores it in the run folder, for the later steps and the report to read."""

from __future__ import annotations

import json
from pathlib import Path

from newsdossier import tables
from newsdossier.paths import ARTICLE_JSON, ARTICLE_TXT
from newsdossier.text.article import Article, parse_date


def article_to_json(article: Article) -> dict:
    """The article as stored in the run folder."""
    return {
        "name": article.name,
        "path": article.path,
        "published": article.published,
        "title": article.title,
        "source": article.source,
        "format": article.format,
        "text": article.text,
    }


def write_article(article: Article, out_dir: Path) -> None:
    """Store the article (its metadata and its text byte for byte) in the run folder."""
    tables.write_json(article_to_json(article), Path(out_dir) / ARTICLE_JSON)
    tables.atomic_write_text(Path(out_dir) / ARTICLE_TXT, article.text)


def read_article(out_dir: Path) -> Article:
    """The article that step 01 stored in the run folder."""
    data = json.loads((Path(out_dir) / ARTICLE_JSON).read_text(encoding="utf-8"))
    data["published"] = parse_date(data.get("published"))
    return Article(**data)
