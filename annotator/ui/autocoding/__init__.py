"""Auto-coding in the window: its options dialog and the review of its proposals."""
