"""Time: the TIMEX3 tagger (candidates -> normalisation with tense and anchor) and the timeline.

candidates.py finds and checks the expressions, tense.py reads which way they point, normalise.py
gives each its TIMEX3 value, tagger.py runs them in text order, timeline.py turns them into events.
"""
