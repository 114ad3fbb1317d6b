"""`python -m newsdossier` is the `newsdossier` command."""

import sys

from newsdossier.cli import main

sys.exit(main())
