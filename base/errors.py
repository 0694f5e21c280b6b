"""The one exception type that means "the user gave us something we cannot use".

The command line turns it into a one-line message and exit status 2; anything
else that escapes is a bug (exit status 1).
"""


class BadInput(ValueError):
    """Bad usage or bad input; ``str(err)`` is a one-line message naming the problem."""
