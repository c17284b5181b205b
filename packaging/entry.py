"""Entry point of the PyInstaller bundle: the same ``main`` as the installed ``counter-app`` script."""

import sys

from counter_app.cli import main

if __name__ == "__main__":
    sys.exit(main())
