"""Alembic environment for the app's own migrations.

The app runs migrations itself when it opens a database (see ``trainer.storage.database``),
handing over a connection that already holds the migration lock in ``config.attributes``. For a
developer, ``alembic -x url=sqlite:///some.db upgrade head`` with a config pointing here also
works.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from ask_dont_tell.trainer.storage.models import Base

config = context.config
target_metadata = Base.metadata


def _url() -> str:
    return context.get_x_argument(as_dictionary=True).get("url") or config.get_main_option("sqlalchemy.url")


def _run(connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",  # SQLite alters tables by copying them
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    context.configure(url=_url(), target_metadata=target_metadata, literal_binds=True)
    with context.begin_transaction():
        context.run_migrations()
else:
    shared = config.attributes.get("connection")
    if shared is not None:
        _run(shared)
    else:
        with create_engine(_url()).begin() as own:
            _run(own)
