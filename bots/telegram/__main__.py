import sys

from bots.telegram.main import main

sys.exit(main(argv=sys.argv[1:]))
