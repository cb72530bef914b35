"""Alembic's environment: always run programmatically, on the connection the app hands over.

`service.operations.records.migrate` opens the connection (holding the migration lock) and
passes it in `config.attributes["connection"]`; there is no alembic.ini and no offline mode.
"""

from alembic import context

from service.operations.records import metadata

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=metadata,
                  render_as_batch=connection.dialect.name == "sqlite")
with context.begin_transaction():
    context.run_migrations()
