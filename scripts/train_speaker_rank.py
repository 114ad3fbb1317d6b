"""Train the speaker ranker (extract/claims/speaker_rank.py) on the two quote development sets.

    python scripts/train_speaker_rank.py CACHE [--rows FILE] [--write] [--cv-out DIR]

Reads ../shared/dev/quotes and ../shared/dev/polnear at run time (texts and gold are never copied
into the project; CACHE is the parse cache of scripts/dev_claims.py, kept under /tmp). Runs the actors
and claims stages on every document, records the candidates the ranker is asked about (a pronoun
speaker, a quote on its own) with their features, labels each candidate by whether its actor's name is
the gold speaker of a claim with that content (the scorer's own matching), and fits a logistic
regression (scikit-learn, at training time only) on the features. It reports, on claims that have a
right candidate, how often the rules and the model rank it first: across documents (5 folds, whole
documents held out), and across sets (trained on one set, tested on the other). With --write it stores
the means, scales, weights and bias in src/newsdossier/extract/claims/speaker_rank.toml. With --cv-out
it writes each set's tables with the model trained on the other set only and scores them: the
out-of-sample figure of the whole step.
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

from newsdossier.extract.claims import speaker_rank

sys.path.insert(0, str(Path(__file__).resolve().parent))
from dev_claims import QUOTE_SETS, cached_values, run_claims, write_set  # noqa: E402 - the cached dev runner
from dev_extract import DEV, EVAL  # noqa: E402 - the dev set's location, one definition

C = 0.1  # inverse regularisation strength, kept strong: some 700 claims from 204 documents


def _scorer():
    """The shared scorer module, for its matching (score.Names, score.covers, score.words)."""
    spec = importlib.util.spec_from_file_location("score", EVAL / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _gold_claims(score, name: str, doc_id: str) -> list[tuple[object, set[str]]]:
    """(speaker matcher, content words) of every gold claim whose speaker is known."""
    gold = yaml.safe_load((DEV / name / "gold" / f"{doc_id}.yaml").read_text(encoding="utf-8"))
    actors = {
        a["name"]: score.Names(a["name"], a.get("aliases", []), a.get("type", ""))
        for a in gold["actors"]["required"]
    }
    claims = (gold.get("claims") or []) + (gold.get("claims_optional") or [])
    return [
        (score.speaker_matcher(c, actors), score.words(c["content"]))
        for c in claims
        if c.get("speaker_from") != "unresolved"
    ]


def rows(cache: Path, stored: Path | None) -> list[dict]:
    """One row per ranked candidate: set, doc, decision number, features, label (1 = the gold speaker)."""
    if stored and stored.exists():
        return json.loads(stored.read_text(encoding="utf-8"))
    score = _scorer()
    out: list[dict] = []
    features = speaker_rank.SpeakerRanker.features
    for name in QUOTE_SETS:
        for doc_id, values in cached_values(cache, name):
            asked: list[tuple[speaker_rank.SpeakerRanker, int, int, dict]] = []

            def record(self, start, end, *args, _asked=asked, **kwargs):
                cands = features(self, start, end, *args, **kwargs)
                _asked.append((self, start, end, cands))
                return cands

            speaker_rank.SpeakerRanker.features = record
            try:
                run_claims(values)
            finally:
                speaker_rank.SpeakerRanker.features = features
            golds = _gold_claims(score, name, doc_id)
            for n, (ranker, start, end, cands) in enumerate(asked):
                pw = score.words(ranker.doc.text[start:end])
                same = [who for who, gw in golds if score.covers(gw, pw)]
                if not same:
                    continue  # a quote no one annotated: nothing to learn about its speaker
                for aid, feats in cands.items():
                    label = int(any(who.matches(ranker.by_id[aid].name) for who in same))
                    out.append({"set": name, "doc": doc_id, "ask": n, "features": feats, "label": label})
    if stored:
        stored.write_text(json.dumps(out), encoding="utf-8")
    return out


def _fit(data: list[dict], names: list[str]) -> dict:
    """Standardise, then fit a pairwise ranking model: for each claim, the right candidate minus each
    wrong one is a positive example and its negation a negative one (a logistic regression with no
    intercept), so the weights say what makes one candidate likelier than another of the same claim."""
    x = np.array([[r["features"][n] for n in names] for r in data])
    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale[scale == 0] = 1.0
    xs = (x - mean) / scale
    pairs, labels = [], []
    for idx in _decisions(data).values():
        right = [i for i in idx if data[i]["label"]]
        if not right:
            continue
        for i in idx:
            if not data[i]["label"]:
                pairs += [xs[right[0]] - xs[i], xs[i] - xs[right[0]]]
                labels += [1, 0]
    model = LogisticRegression(C=C, fit_intercept=False, max_iter=3000).fit(np.array(pairs), np.array(labels))
    return {"mean": mean, "scale": scale, "weights": model.coef_[0], "bias": 0.0}


def _decisions(data: list[dict]) -> dict[tuple[str, str, int], list[int]]:
    """Row indices of each decision (one claim's candidates)."""
    out: dict[tuple[str, str, int], list[int]] = {}
    for i, r in enumerate(data):
        out.setdefault((r["set"], r["doc"], r["ask"]), []).append(i)
    return out


def _accuracy(data: list[dict], z: np.ndarray, keys: set[tuple[str, str, int]] | None = None) -> tuple:
    """(decisions with a right candidate, right by the rules, right by the scores) over the decisions."""
    n = rule_ok = model_ok = 0
    for key, idx in _decisions(data).items():
        if keys is not None and key not in keys:
            continue
        labels = [data[i]["label"] for i in idx]
        if not any(labels):
            continue
        n += 1
        rule = [i for i in idx if data[i]["features"]["rule"]]
        rule_ok += bool(rule) and data[rule[0]]["label"] == 1
        best = max(idx, key=lambda i: z[i])  # first of equals, as speaker_rank.choose
        model_ok += data[best]["label"] == 1
    return n, rule_ok, model_ok


def _z(model: dict, x: np.ndarray) -> np.ndarray:
    """The model's log-odds for each row."""
    return ((x - model["mean"]) / model["scale"]) @ model["weights"] + model["bias"]


def _as_stored(model: dict, names: list[str]) -> dict:
    """A fitted model as speaker_rank._model returns it (plain dicts keyed by feature name)."""
    return {
        "mean": dict(zip(names, map(float, model["mean"]))),
        "scale": dict(zip(names, map(float, model["scale"]))),
        "weights": dict(zip(names, map(float, model["weights"]))),
        "bias": model["bias"],
    }


def _report(label: str, n: int, rule_ok: int, model_ok: int) -> None:
    """One line of held-out accuracy."""
    rules, model = rule_ok / max(n, 1), model_ok / max(n, 1)
    print(f"  {label:34s} decisions {n:5d} | rules {rules:.3f} | model {model:.3f}")


def cross_sets(cache: Path, data: list[dict], names: list[str], out: Path) -> None:
    """Write each set's tables with the model trained on the other set only, then score them."""
    stored = speaker_rank._model
    scorer = {"quotes": "score_quotes.py", "polnear": "score_polnear.py"}
    try:
        for test in QUOTE_SETS:
            train = [r for r in data if r["set"] != test]
            fold = _as_stored(_fit(train, names), names)
            speaker_rank._model = lambda fold=fold: fold
            write_set(cache, out, test)
            report = subprocess.run(
                [sys.executable, str(EVAL / scorer[test]), str(out / test)], capture_output=True, text=True
            ).stdout
            print(f"  {test}, model trained on the other set only: {report.strip().splitlines()[-1]}")
    finally:
        speaker_rank._model = stored


def main(argv: list[str]) -> int:
    """Cross-validate across documents and across sets, optionally write the model."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("cache", type=Path, help="the parse cache of scripts/dev_claims.py (under /tmp)")
    ap.add_argument("--rows", type=Path, help="a JSON file for the computed rows (reused if present)")
    ap.add_argument("--write", action="store_true", help="store the model in speaker_rank.toml")
    ap.add_argument("--cv-out", type=Path, help="write and score each set with the other set's model")
    args = ap.parse_args(argv)
    data = rows(args.cache, args.rows)
    names = sorted(data[0]["features"])
    x = np.array([[r["features"][n] for n in names] for r in data])
    y = np.array([r["label"] for r in data])
    print(f"{len(_decisions(data))} decisions, {len(y)} candidates, {y.sum()} right")
    print("held out (accuracy of the first-ranked candidate where one is right):")
    for test in QUOTE_SETS:
        train = np.array([r["set"] != test for r in data])
        model = _fit([r for r in data if r["set"] != test], names)
        z = np.full(len(y), -np.inf)
        z[~train] = _z(model, x[~train])
        keys = {k for k in _decisions(data) if k[0] == test}
        _report(f"{test}, trained on the other set", *_accuracy(data, z, keys))
    groups = np.array([f"{r['set']}/{r['doc']}" for r in data])
    held = np.zeros(len(y))
    for train, test in GroupKFold(n_splits=5).split(x, y, groups):
        held[test] = _z(_fit([data[i] for i in train], names), x[test])
    _report("both sets, 5 document folds", *_accuracy(data, held))
    for name in QUOTE_SETS:
        _report(f"  of which {name}", *_accuracy(data, held, {k for k in _decisions(data) if k[0] == name}))
    if args.cv_out:
        cross_sets(args.cache, data, names, args.cv_out)
    model = _fit(data, names)
    _report("in sample (both sets)", *_accuracy(data, _z(model, x)))
    for i in np.argsort(-np.abs(model["weights"])):
        print(f"  {names[i]:20s} {model['weights'][i]:+.3f}")
    if args.write:
        lines = [
            "# The speaker ranker (extract/claims/speaker_rank.py), by scripts/train_speaker_rank.py.",
            "# A logistic regression over generic candidate features: numbers only, no text of any article.",
            f"bias = {model['bias']:.6f}",
        ]
        for table in ("mean", "scale", "weights"):
            lines.append(f"\n[{table}]")
            lines += [f"{n} = {v:.6f}" for n, v in zip(names, model[table])]
        speaker_rank.MODEL.write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"wrote {speaker_rank.MODEL}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
