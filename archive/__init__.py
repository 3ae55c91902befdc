"""The archive: a redacted, searchable, citable store of quotes."""

__version__ = "0.1.0"


def __getattr__(name):
    # ``from archive import Archive`` without loading the library for ``archive --help``.
    if name == "Archive":
        from archive.core import Archive

        return Archive
    raise AttributeError(f"module 'archive' has no attribute {name!r}")
