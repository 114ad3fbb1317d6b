"""Text handling: loading articles and the spaCy pipeline."""
