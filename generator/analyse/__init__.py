"""Analyse: cleaned blocks → sections and paragraphs with stable ids, themes and regions; text conservation."""
