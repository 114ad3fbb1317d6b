"""Benchmark: parsing a long article in paragraph pieces against parsing it whole, and how cost grows.

    .venv/bin/python bench/long_article.py [--chars 200000]

A script, not a test (timings are noisy). It builds a long text by repeating the paragraphs of the
project's articles (data/articles, tests/data), then, each in a fresh process so the peak memory is its
own, measures CPU seconds and peak RSS of: spaCy on the whole text (`nlp(text)`), `nlp.parse` (pieces of
whole paragraphs through `nlp.pipe`, joined), at CHARS and 2 x CHARS characters, and `pipeline.analyse`
on the parsed text. It prints the ratios: pieces / whole, and 2 x CHARS / CHARS (proportional = 2.0).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [ROOT / "data" / "articles", ROOT / "tests" / "data"]

MEASURE = """
import json, resource, sys, time, datetime as dt
from newsdossier.text.nlp import get_nlp, parse
from newsdossier.extract.pipeline import analyse
from newsdossier.text.article import Article
mode, text = sys.argv[1], open(sys.argv[2], encoding="utf-8").read()
nlp = get_nlp()
nlp.max_length = max(nlp.max_length, len(text) + 1)
nlp("warm up")
began = time.process_time()
doc = nlp(text) if mode == "whole" else parse(text, nlp)
parsed = time.process_time()
if mode == "analyse":
    analyse(Article("long", "long.txt", text, dt.date(2024, 1, 1)), doc=doc)
print(json.dumps({"parse": parsed - began, "analyse": time.process_time() - parsed,
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e3}))
"""


def long_text(chars: int) -> str:
    """The project's article paragraphs, repeated until the text has chars characters."""
    paras = [
        p.strip()
        for folder in SOURCES
        for path in sorted(folder.glob("*.txt"))
        for p in path.read_text(encoding="utf-8").split("\n\n")
        if p.strip()
    ]
    out, size, i = [], 0, 0
    while size < chars:
        out.append(paras[i % len(paras)])
        size += len(out[-1]) + 2
        i += 1
    return "\n\n".join(out) + "\n"


def measure(mode: str, chars: int, folder: Path) -> dict:
    """One fresh process: parse (whole / pieces) or parse and analyse a text of chars characters."""
    path = folder / f"long_{chars}.txt"
    path.write_text(long_text(chars), encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-c", MEASURE, mode, str(path)], capture_output=True, text=True, check=True
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    """Print the figures and their ratios."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chars", type=int, default=200_000)
    args = parser.parse_args()
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        n, folder = args.chars, Path(tmp)
        whole = measure("whole", n, folder)
        pieces = measure("pieces", n, folder)
        pieces2 = measure("pieces", 2 * n, folder)
        analysed = measure("analyse", n, folder)
        analysed2 = measure("analyse", 2 * n, folder)
    print(f"{n:,} characters: whole parse {whole['parse']:.1f} s, peak {whole['peak_mb']:.0f} MB")
    print(f"{n:,} characters: pieces parse {pieces['parse']:.1f} s, peak {pieces['peak_mb']:.0f} MB")
    print(
        f"ratio pieces / whole: time {pieces['parse'] / whole['parse']:.2f}, "
        f"peak memory {pieces['peak_mb'] / whole['peak_mb']:.2f}"
    )
    print(
        f"pieces, {2 * n:,} / {n:,} characters: time {pieces2['parse'] / pieces['parse']:.2f} "
        f"(proportional: 2.0), peak memory {pieces2['peak_mb'] / pieces['peak_mb']:.2f}"
    )
    print(
        f"analyse, {2 * n:,} / {n:,} characters: time {analysed2['analyse'] / analysed['analyse']:.2f} "
        f"(proportional: 2.0), {analysed['analyse']:.1f} s -> {analysed2['analyse']:.1f} s"
    )


if __name__ == "__main__":
    main()
