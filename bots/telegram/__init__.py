"""Wegwijzer in Telegram (python-telegram-bot 22)."""
