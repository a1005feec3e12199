import sys

from bots.discord.main import main

sys.exit(main())
