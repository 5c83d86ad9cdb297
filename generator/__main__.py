"""``python -m generator`` runs the CLI."""

import sys

from generator.cli import main

sys.exit(main())
