"""HTML extraction by stage. ``parsed`` reads a page once (DOM, reading order, head metadata, main container,
headline); each other module reads one field of it: ``title``, ``body`` (with ``trailer``, the closing
byline and credits), ``zones`` (the lines around the body), ``published``, ``views``, ``author``, ``site``
(site name, category), ``pagetype``; ``fallback`` is trafilatura for pages the portal rules do not know.
``extract.article.extract_article`` runs them as one cascade."""
