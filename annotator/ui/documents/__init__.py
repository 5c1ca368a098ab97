"""The document list (left pane) and the attribute form."""
