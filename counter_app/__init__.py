"""Quầy Một cửa — the Qt-free core of the counter application.

Sub-packages: ``domain`` (plain data and rules, no I/O), ``calendar`` (working-day
calendar), ``storage`` (SQLAlchemy + Alembic local store), ``services`` (operations
and headless flows). Nothing here imports Qt; ``tests/test_architecture.py`` enforces it.
"""

__version__ = "0.1.0"
