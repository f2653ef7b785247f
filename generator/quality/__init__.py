"""Quality: figures against hand-labelled fixtures, and the editors' report on the vocabulary."""
