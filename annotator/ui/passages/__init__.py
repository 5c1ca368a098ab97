"""The bottom pane: passages of the chosen code, or of the chosen document."""
