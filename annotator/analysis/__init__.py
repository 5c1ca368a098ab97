"""Analysis over a project: word frequencies, keywords, agreement, tables and charts."""
