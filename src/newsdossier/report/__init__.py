"""Presentation: the HTML dossier and its charts."""
