import sys

from spkg.cli import main

sys.exit(main())
