"""The ``--graph DIR`` option every command that reads the graph shares."""

from __future__ import annotations

import argparse
from pathlib import Path

GRAPH_HELP = ("the build to read (a folder made by `spkg build`); default: ./dist when it "
              "holds a build, else the bundled seeds' build (made in the cache on first use)")


def add_graph_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--graph", type=Path, metavar="DIR", default=None, help=GRAPH_HELP)
