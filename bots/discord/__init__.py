"""Wegwijzer in Discord (discord.py 2)."""
