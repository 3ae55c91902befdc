"""Exceptions shared across the archive, in a module light enough for any command to import."""


class StoreError(Exception):
    """The archive's database or its search index cannot be used; the message says why."""
