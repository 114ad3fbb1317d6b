"""Train the actors keep model (extract/actors/keep.py) on the GUM actors development set.

    python scripts/train_actor_keep.py [--write] [--cache FILE] [--cv-out DIR]

Reads ../shared/dev/actors at run time (texts and gold are never copied into the project), runs
the actor passes up to the keep model on each document, labels each cluster by whether its name
is a required or allowed gold name (the scorer's own matching), and fits a logistic regression
(scikit-learn) on the generic features of ``keep.features``. It reports cross-validation across
documents (each fold holds out whole documents) and, with --write, stores the means, scales,
weights, bias and threshold in src/newsdossier/extract/lexicon/actor_keep.toml. With --cv-out it
also writes every document's tables with the model of the fold that held it out (DIR/actors/<id>/)
and scores them with score_actors.py: the out-of-sample figure of the whole step.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import yaml
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

from newsdossier.extract.actors import keep
from newsdossier.extract.actors.keep import features, marked
from newsdossier.extract.actors.spans import cluster_name
from newsdossier.extract.actors.step import named_clusters
from newsdossier.extract.pipeline import extract
from newsdossier.paths import PROJECT_DIR
from newsdossier.text.article import load_article
from newsdossier.text.nlp import get_nlp, parse

sys.path.insert(0, str(Path(__file__).resolve().parent))
from dev_extract import DEV, EVAL, published  # noqa: E402 - the dev set's location, one definition

MODEL = PROJECT_DIR / "src" / "newsdossier" / "extract" / "lexicon" / "actor_keep.toml"
C = 0.5  # inverse regularisation strength, kept strong: 40 documents are few


def _scorer():
    """The shared scorer module, for its name matching (score.Names)."""
    spec = importlib.util.spec_from_file_location("score", EVAL / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def rows(cache: Path | None) -> list[dict]:
    """One row per cluster of every document: doc id, features, label (1 = a gold name)."""
    if cache and cache.exists():
        return json.loads(cache.read_text(encoding="utf-8"))
    score = _scorer()
    nlp = get_nlp()
    out = []
    for gold_path in sorted((DEV / "actors" / "gold").glob("*.yaml")):
        gold = yaml.safe_load(gold_path.read_text(encoding="utf-8"))
        names = [
            score.Names(a["name"], a.get("aliases", []), a.get("type", ""))
            for a in gold["actors"]["required"]
        ]
        names += [score.Names(n) for n in gold["actors"].get("allowed", [])]
        article = load_article(
            DEV / "actors" / "docs" / f"{gold_path.stem}.txt", published=published(gold_path)
        )
        doc = parse(article.text, nlp)
        for cluster in named_clusters(doc):
            if cluster.kind not in {"person", "organization", "location"} or cluster.country:
                continue
            name = cluster_name(doc, cluster)
            label = int(any(g.matches(name) for g in names))
            out.append({"doc": gold_path.stem, "features": features(doc, cluster), "label": label})
    if cache:
        cache.write_text(json.dumps(out), encoding="utf-8")
    return out


def _fit(x: np.ndarray, y: np.ndarray) -> tuple[LogisticRegression, np.ndarray, np.ndarray]:
    """Standardise, then fit; return the model with the means and scales it expects."""
    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale[scale == 0] = 1.0
    model = LogisticRegression(C=C, max_iter=2000).fit((x - mean) / scale, y)
    return model, mean, scale


def _f1_at(p: np.ndarray, y: np.ndarray, t: float, sure: np.ndarray) -> tuple[float, float, float]:
    """Cluster-level precision, recall of the gold-named clusters, and F1 when keeping the marked
    clusters and those with p >= t."""
    keep = (p >= t) | sure
    prec = (y[keep].sum() / keep.sum()) if keep.sum() else 0.0
    rec = y[keep].sum() / max(y.sum(), 1)
    return prec, rec, 2 * prec * rec / (prec + rec) if prec + rec else 0.0


def _stored(
    model: LogisticRegression, mean: np.ndarray, scale: np.ndarray, names: list[str], t: float
) -> dict:
    """A fitted model in the form keep._model returns."""
    return {
        "mean": dict(zip(names, map(float, mean))),
        "scale": dict(zip(names, map(float, scale))),
        "weights": dict(zip(names, map(float, model.coef_[0]))),
        "bias": float(model.intercept_[0]),
        "threshold": t,
    }


def cross_run(data: list[dict], names: list[str], threshold: float, out: Path) -> int:
    """Extract each document with the model of the fold that held it out, then score the whole set."""
    x = np.array([[r["features"][n] for n in names] for r in data])
    y = np.array([r["label"] for r in data])
    groups = np.array([r["doc"] for r in data])
    nlp = get_nlp()
    stored = keep._model
    try:
        for train, test in GroupKFold(n_splits=5).split(x, y, groups):
            fold = _stored(*_fit(x[train], y[train]), names, threshold)
            keep._model = lambda fold=fold: fold
            for doc_id in sorted(set(groups[test])):
                gold = DEV / "actors" / "gold" / f"{doc_id}.yaml"
                text = DEV / "actors" / "docs" / f"{doc_id}.txt"
                extract(text, out / "actors" / doc_id, published=published(gold), nlp=nlp)
    finally:
        keep._model = stored
    return subprocess.call([sys.executable, str(EVAL / "score_actors.py"), str(out / "actors")])


def main(argv: list[str]) -> int:
    """Cross-validate across documents, pick the threshold, optionally write the model."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--write", action="store_true", help="store the model in lexicon/actor_keep.toml")
    ap.add_argument("--cache", type=Path, help="a JSON file for the computed rows (reused if present)")
    ap.add_argument("--cv-out", type=Path, help="write and score each document with its fold's model")
    args = ap.parse_args(argv)
    data = rows(args.cache)
    names = sorted(data[0]["features"])
    x = np.array([[r["features"][n] for n in names] for r in data])
    y = np.array([r["label"] for r in data])
    groups = np.array([r["doc"] for r in data])
    sure = np.array([marked(r["features"]) for r in data])
    held = np.zeros(len(y))
    for train, test in GroupKFold(n_splits=5).split(x, y, groups):
        model, mean, scale = _fit(x[train], y[train])
        held[test] = model.predict_proba((x[test] - mean) / scale)[:, 1]
    print(f"{len(y)} clusters, {y.sum()} gold-named, {sure.sum()} marked; keeping all: P {y.mean():.3f}")
    steps = np.arange(0.05, 0.75, 0.05)
    for t in steps:
        prec, rec, f1 = _f1_at(held, y, t, sure)
        print(f"  held-out documents, keep marked or p >= {t:.2f}: P {prec:.3f} R {rec:.3f} F1 {f1:.3f}")
    # the lowest threshold within 0.002 of the best F1: dropping an actor costs recall too
    scores = [(_f1_at(held, y, t, sure)[2], t) for t in steps]
    top = max(f for f, _ in scores)
    threshold = round(float(min(t for f, t in scores if f >= top - 0.002)), 2)
    print(f"threshold {threshold:.2f} (held-out F1 {top:.3f})")
    if args.cv_out:
        cross_run(data, names, threshold, args.cv_out)
    model, mean, scale = _fit(x, y)
    order = np.argsort(-np.abs(model.coef_[0]))
    for i in order:
        print(f"  {names[i]:16s} {model.coef_[0][i]:+.3f}")
    if args.write:
        lines = [
            "# The actors keep model (extract/actors/keep.py), written by scripts/train_actor_keep.py.",
            "# A logistic regression over generic cluster features: numbers only, no text of any article.",
            f"bias = {model.intercept_[0]:.6f}",
            f"threshold = {threshold:.2f}",
        ]
        for table, values in (("mean", mean), ("scale", scale), ("weights", model.coef_[0])):
            lines.append(f"\n[{table}]")
            lines += [f"{n} = {v:.6f}" for n, v in zip(names, values)]
        MODEL.write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"wrote {MODEL}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
