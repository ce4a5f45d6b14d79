"""annotator: desktop annotation of Arabic news for entity and event extraction."""

__version__ = "0.1.0"
