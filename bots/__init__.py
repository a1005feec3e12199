"""Chat-platform adapters (Telegram, Discord): they render an `Answer` and send it."""
