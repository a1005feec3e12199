import sys

from bots.telegram.main import main

sys.exit(main())
