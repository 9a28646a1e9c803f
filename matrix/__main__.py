"""``python -m matrix``: the same as the ``matrix`` command."""

import sys

try:
    from matrix.cli import main
except KeyboardInterrupt:  # Ctrl-C while starting up
    print("已中止。", file=sys.stderr)
    sys.exit(130)

main()
