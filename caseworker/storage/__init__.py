"""Database schema, engine set-up and Alembic migrations."""
