"""Queue coordination: tickets and calls per site.

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

_BIGID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "queue_ticket",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("agency_code", sa.String(length=32), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("number", sa.String(length=16), nullable=False),
        sa.Column("area", sa.String(length=32), nullable=False),
        sa.Column("priority", sa.Integer(), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("counter_code", sa.String(length=32), nullable=True),
        sa.Column("issued_at", sa.DateTime(), nullable=False),
        sa.Column("called_at", sa.DateTime(), nullable=True),
        sa.Column("finished_at", sa.DateTime(), nullable=True),
        sa.Column("recalls", sa.Integer(), nullable=False),
        sa.Column("paper", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["agency_code"], ["agency.code"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("agency_code", "day", "number", "paper", name="uq_queue_ticket_number"),
    )
    op.create_index("ix_queue_ticket_agency_day_state", "queue_ticket", ["agency_code", "day", "state"])
    op.create_table(
        "queue_seq",
        sa.Column("agency_code", sa.String(length=32), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("prefix", sa.String(length=4), nullable=False),
        sa.Column("last", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("agency_code", "day", "prefix"),
    )
    op.create_table(
        "queue_call",
        sa.Column("seq", _BIGID, sa.Identity(), nullable=False),
        sa.Column("agency_code", sa.String(length=32), nullable=False),
        sa.Column("ticket_id", sa.String(length=36), nullable=False),
        sa.Column("number", sa.String(length=16), nullable=False),
        sa.Column("area", sa.String(length=32), nullable=False),
        sa.Column("counter_code", sa.String(length=32), nullable=False),
        sa.Column("recall", sa.Boolean(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("seq"),
    )
    op.create_index("ix_queue_call_agency_seq", "queue_call", ["agency_code", "seq"])
    op.create_table(
        "queue_event",
        sa.Column("event_id", sa.String(length=36), nullable=False),
        sa.Column("agency_code", sa.String(length=32), nullable=False),
        sa.Column("ticket_id", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("counter_code", sa.String(length=32), nullable=True),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("received_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("event_id"),
    )
    op.create_index("ix_queue_event_agency_code", "queue_event", ["agency_code"])
    op.create_index("ix_queue_event_ticket_id", "queue_event", ["ticket_id"])


def downgrade() -> None:
    op.drop_table("queue_event")
    op.drop_index("ix_queue_call_agency_seq", table_name="queue_call")
    op.drop_table("queue_call")
    op.drop_table("queue_seq")
    op.drop_index("ix_queue_ticket_agency_day_state", table_name="queue_ticket")
    op.drop_table("queue_ticket")
