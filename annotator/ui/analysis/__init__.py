"""Analysis in the window: the tables and charts dialog (X×Y, code × document, code ×
attribute, co-occurrence), its filters, and intercoder agreement."""
