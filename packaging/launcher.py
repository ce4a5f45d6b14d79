"""The bundle's entry point: the same ``main`` as the ``annotator`` console script."""

import multiprocessing
import sys

from annotator.__main__ import main

if __name__ == "__main__":
    # The recommenders train in a spawned worker process (services.background_training):
    # in a frozen bundle the worker re-runs this executable, and freeze_support() makes
    # it run the worker instead of opening a second window.
    multiprocessing.freeze_support()
    sys.exit(main())
