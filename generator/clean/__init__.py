"""Clean: a raw body → blocks and footnotes, through a chain of named steps (`chain.STEPS`)."""
