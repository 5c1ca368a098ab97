"""Database layer: SQLAlchemy models, engine/session set-up, schema migrations and repository
functions. Repository functions take a Session and never commit: the caller's
``session_scope()`` owns the transaction of one user action."""
