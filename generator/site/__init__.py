"""Site: the analysed corpus → facets, overviews and page contexts → Markdown pages and feeds in the docs folder."""
