"""newsdossier: turn a news article into an analyst's dossier of actors, claims and a timeline."""

__version__ = "0.1.0"
