"""Core of the coaching trainer: classifier, scenarios, engine, scoring, storage. No Qt here."""

__version__ = "0.1.0"
