"""``python -m matrix``: the same as the ``matrix`` command."""

from matrix.cli import main

main()
