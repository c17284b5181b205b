"""Declarative base of tables whose migration lands at integration (see models_security, models_lifecycle).

INTEGRATION: these tables move to :class:`counter_app.storage.base.Base` together with their
Alembic revision; until then they are created by the tests that use them.
"""

from sqlalchemy.orm import DeclarativeBase


class PendingBase(DeclarativeBase):
    pass
