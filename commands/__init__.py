"""The commands: each ``run_*`` function does one ``govnews`` sub-command and prints its result.

Library code below returns data; only this layer (and ``cli.py``, which parses arguments) writes to the terminal.
"""
