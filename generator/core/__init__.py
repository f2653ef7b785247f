"""What every stage shares: the records, the rules of the text, problems, and the presidency itself."""
