"""Ingest: raw files and vocabularies, read and validated into records; every problem named with its line."""
