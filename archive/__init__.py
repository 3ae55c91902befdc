"""The archive: a redacted, searchable, citable store of quotes."""

__version__ = "0.1.0"
