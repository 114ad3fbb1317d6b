"""Benchmark: how the story step (batch/story.build_story) grows with the number of claims.

    .venv/bin/python bench/bench_story.py [BATCH_DIR] [--copies 4] [--repeat 3]

A script, not a test (timings are noisy; tests never assert on them). It times the story step on a
corpus and on the same corpus twice as large, in the same run, and prints the ratio of the times
(linear growth: about 2.0; quadratic: about 4.0).

The corpus is a batch output folder (BATCH_DIR, e.g. a `newsdossier batch` run over
../shared/dev/story; its tables are read at run time and never copied into the project), repeated
COPIES times and then 2 x COPIES times as new articles: more coverage of the same story, so names,
statements and events meet their counterparts in every copy, which is the hard case for grouping.
Without BATCH_DIR, made-up tables of the same shape are generated.

    .venv/bin/python bench/bench_story.py --increment MANIFEST [--added 10]

The incremental case, as an analyst meets it: `newsdossier batch` on MANIFEST less its last ADDED
articles, then on all of MANIFEST into the same folder (only the ADDED articles are extracted; the
story step regroups the whole corpus). It prints the second run's time, the story step's share of it
(build_story timed alone on the result), and how many actor rows kept their corpus_actor_id.
"""

from __future__ import annotations

import argparse
import csv
import io
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from newsdossier.batch import store  # noqa: E402
from newsdossier.batch.story import INPUTS, build_story, compute, read_inputs  # noqa: E402

SYLLABLES = "ka lo mi ren sa tor vel an is ur en dra pol ness ith mar".split()
WORDS = "the ferry union deal will sail boats workers fair pay strike city port harbour said we they".split()


def made_up(articles: int, seed: int = 7) -> dict[str, pd.DataFrame]:
    """Tables shaped like a batch's: ten actors, five claims, four events per article, drawn from pools
    that grow with the corpus (so groups stay about the same size)."""
    rng = random.Random(seed)

    def name() -> str:
        return " ".join("".join(rng.sample(SYLLABLES, 2)).title() for _ in range(2))

    people = [name() for _ in range(articles * 2)]
    quotes = [" ".join(rng.choices(WORDS, k=14)) for _ in range(articles)]
    actors, claims, events, meta = [], [], [], []
    for n in range(articles):
        art = f"x{n:06d}"
        meta.append(
            {
                "article": art,
                "path": f"{art}.txt",
                "published": f"2025-03-{1 + n % 28:02d}",
                "title": "",
                "source": f"outlet{n % 12}.example",
                "format": "text",
                "words": 400,
            }
        )
        cast = rng.sample(people, 10)
        for i, who in enumerate(cast):
            short = who.split()[-1] if i % 3 == 0 else who
            actors.append(
                {
                    "article": art,
                    "actor_id": f"A{i:03d}",
                    "name": short,
                    "type": "person",
                    "title": "",
                    "aliases": short,
                    "mentions": 1 + i % 4,
                    "first_start": i,
                    "salience": 1.0,
                }
            )
        for c in range(5):
            text = rng.choice(quotes).split()
            if rng.random() < 0.3:
                text[rng.randrange(len(text))] = rng.choice(WORDS)
            claims.append(
                {
                    "article": art,
                    "claim_id": f"C{c:03d}",
                    "speaker": cast[c],
                    "speaker_id": f"A{c:03d}",
                    "speaker_text": cast[c],
                    "cue": "said",
                    "content": " ".join(text),
                    "kind": "direct",
                    "date": "",
                    "date_basis": "none",
                    "start": c * 100,
                    "end": c * 100 + 80,
                    "sentence_id": c,
                }
            )
        for e in range(4):
            events.append(
                {
                    "article": art,
                    "event_id": f"E{e:03d}",
                    "date": f"2025-03-{1 + (n + e) % 28:02d}",
                    "date_text": "Monday",
                    "precision": "day",
                    "event": "the boats sailed",
                    "actors": f"A{e:03d}",
                    "basis": "relative",
                    "start": e,
                    "end": e + 5,
                    "sentence_id": e,
                    "ref": "",
                }
            )
    return {
        "articles": pd.DataFrame(meta),
        "actors": pd.DataFrame(actors),
        "claims": pd.DataFrame(claims),
        "timeline": pd.DataFrame(events),
    }


def repeated(frames: dict[str, pd.DataFrame], copies: int) -> dict[str, pd.DataFrame]:
    """The tables of `copies` copies of the corpus, each copy's articles renamed (new articles)."""
    return {
        name: pd.concat(
            [frame.assign(article=frame["article"].astype(str) + f"~{k}") for k in range(copies)],
            ignore_index=True,
        )
        for name, frame in frames.items()
    }


def best_time(frames: dict[str, pd.DataFrame], repeat: int, folder: Path | None = None) -> float:
    """The best of `repeat` timings of the story step: compute() in memory, or build_story() on a folder."""
    times = []
    for _ in range(repeat):
        began = time.perf_counter()
        if folder is None:
            compute(frames)
        else:
            build_story(folder)
        times.append(time.perf_counter() - began)
    return min(times)


def write_folder(frames: dict[str, pd.DataFrame], folder: Path) -> Path:
    """A batch folder holding these tables, as the store writes them."""
    folder.mkdir(parents=True, exist_ok=True)
    for name in INPUTS:
        store.write_parquet(frames[name], folder / f"{name}.parquet")
    return folder


def _manifest(rows: list[dict[str, str]], base: Path, path: Path) -> Path:
    """A manifest of these rows with absolute paths (the original's are relative to its folder)."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(rows[0]))
    writer.writeheader()
    for row in rows:
        writer.writerow({**row, "path": str((base / row["path"]).resolve())})
    path.write_text(buffer.getvalue(), encoding="utf-8")
    return path


def _batch(manifest: Path, out: Path) -> float:
    """The wall time of one `newsdossier batch` run (this checkout's code)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    command = [sys.executable, "-m", "newsdossier", "batch", str(manifest), "--out", str(out)]
    began = time.perf_counter()
    subprocess.run([*command, "--formats", "none"], check=True, env=env, capture_output=True)
    return time.perf_counter() - began


def _actor_ids(out: Path) -> dict[tuple[str, str], str]:
    actors = pd.read_parquet(out / "actors.parquet")
    return {(a, i): c for a, i, c in zip(actors["article"], actors["actor_id"], actors["corpus_actor_id"])}


def increment(manifest: Path, added: int, repeat: int) -> None:
    """Batch MANIFEST less its last `added` articles, then all of it; print the figures of the second run."""
    with open(manifest, newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    if len(rows) <= added:
        raise SystemExit(f"{manifest}: {len(rows)} articles; --added must be fewer")
    with tempfile.TemporaryDirectory(prefix="bench-story-inc-") as tmp:
        folder, out = Path(tmp), Path(tmp) / "out"
        before = _manifest(rows[:-added], manifest.parent, folder / "before.csv")
        after = _manifest(rows, manifest.parent, folder / "after.csv")
        first = _batch(before, out)
        old = _actor_ids(out)
        second = _batch(after, out)
        new = _actor_ids(out)
        step = min(best_time({}, 1, out) for _ in range(repeat))
    kept = sum(new.get(k) == v for k, v in old.items())
    print(f"batch of {len(rows) - added} articles: {first:.1f} s; then {added} added: {second:.1f} s")
    print(
        f"story step (regroups all {len(rows)}) alone: {step:.2f} s = {step / second:.0%} of the incremental "
        f"run; {kept:,} of {len(old):,} earlier actor rows kept their corpus_actor_id ({kept / len(old):.1%})"
    )


def main() -> None:
    """Time the story step at N and 2N claims and print the ratio (or the incremental case)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("batch_dir", nargs="?", type=Path, help="a batch output folder (else made-up tables)")
    parser.add_argument("--copies", type=int, default=4, help="copies of the corpus in the smaller run")
    parser.add_argument("--repeat", type=int, default=3, help="timings per size (the best is kept)")
    parser.add_argument("--increment", type=Path, metavar="MANIFEST", help="time adding articles to a batch")
    parser.add_argument("--added", type=int, default=10, help="articles added in the --increment case")
    args = parser.parse_args()
    if args.increment:
        increment(args.increment, args.added, args.repeat)
        return
    base = read_inputs(args.batch_dir) if args.batch_dir else made_up(200)
    source = str(args.batch_dir) if args.batch_dir else "made-up tables"
    rows = []
    with tempfile.TemporaryDirectory(prefix="bench-story-") as tmp:
        for copies in (args.copies, 2 * args.copies):
            frames = repeated(base, copies)
            folder = write_folder(frames, Path(tmp) / f"x{copies}")
            rows.append(
                (
                    len(frames["claims"]),
                    best_time(frames, args.repeat),
                    best_time(frames, args.repeat, folder),
                )
            )
    print(f"story step on {source}, x{args.copies} and x{2 * args.copies} (best of {args.repeat})")
    for claims, seconds, with_io in rows:
        print(
            f"  {claims:7,d} claims: compute {seconds:6.2f} s, build_story (Parquet, DuckDB) {with_io:6.2f} s"
        )
    (n1, t1, w1), (n2, t2, w2) = rows
    print(
        f"ratio for {n2 / n1:.1f}x the claims: compute {t2 / t1:.2f}x, build_story {w2 / w1:.2f}x "
        "(2.0 = linear, 4.0 = quadratic)"
    )


if __name__ == "__main__":
    main()
