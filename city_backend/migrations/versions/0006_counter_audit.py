"""Counters' audit chains verified by the server (by epoch), and the alerts of chains that did not verify
(with the administrator's acceptance of a break).

Revision ID: 0006
Revises: 0005
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

_BIGID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "counter_audit_entry",
        sa.Column("agency_code", sa.String(length=32), nullable=False),
        sa.Column("counter_code", sa.String(length=32), nullable=False),
        sa.Column("epoch", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("seq", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("at", sa.String(length=40), nullable=False),
        sa.Column("actor", sa.String(length=64), nullable=False),
        sa.Column("action", sa.String(length=64), nullable=False),
        sa.Column("target", sa.String(length=128), nullable=False),
        sa.Column("details", sa.Text(), nullable=False),
        sa.Column("prev_hash", sa.String(length=64), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.Column("received_at", sa.DateTime(), nullable=False),
        sa.Column("accepted_alert_id", sa.BigInteger(), nullable=True),
        sa.PrimaryKeyConstraint("agency_code", "counter_code", "epoch", "seq"),
    )
    op.create_table(
        "counter_audit_alert",
        sa.Column("id", _BIGID, nullable=False),
        sa.Column("agency_code", sa.String(length=32), nullable=False),
        sa.Column("counter_code", sa.String(length=32), nullable=False),
        sa.Column("epoch", sa.Integer(), nullable=False),
        sa.Column("seq", sa.BigInteger(), nullable=False),
        sa.Column("reason", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("first_at", sa.DateTime(), nullable=False),
        sa.Column("last_at", sa.DateTime(), nullable=False),
        sa.Column("repeats", sa.Integer(), nullable=False),
        sa.Column("accepted_by", sa.String(length=64), nullable=True),
        sa.Column("accepted_at", sa.DateTime(), nullable=True),
        sa.Column("accept_reason", sa.Text(), nullable=True),
        sa.Column("applied_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("agency_code", "counter_code", "epoch", "seq", "reason"),
    )
    op.create_index("ix_counter_audit_alert_agency", "counter_audit_alert", ["agency_code", "id"])


def downgrade() -> None:
    op.drop_index("ix_counter_audit_alert_agency", table_name="counter_audit_alert")
    op.drop_table("counter_audit_alert")
    op.drop_table("counter_audit_entry")
