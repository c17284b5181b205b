"""Declarative base shared by all ORM tables."""

from sqlalchemy.orm import DeclarativeBase


class Base(DeclarativeBase):
    pass
