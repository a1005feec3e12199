import sys

from bots.discord.main import main

sys.exit(main(argv=sys.argv[1:]))
