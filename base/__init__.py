"""The shared base every layer may import: errors, settings, the data-folder layout, HTTP bodies, WARC reading.

It imports nothing else of govnews.
"""
