"""Batch runs over many articles: the engines and the corpus store."""
