"""Ingest: read transcripts in every format, segment them into quotes, redact, tag."""
