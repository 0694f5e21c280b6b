"""HTML rendering for `govnews serve`: page templates, the figure chart and the static files."""
