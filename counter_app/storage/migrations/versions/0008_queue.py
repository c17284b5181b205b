"""Queue: tickets and visits at the counter (phiếu xếp hàng, lượt phục vụ).

Revision ID: 0008
Revises: 0007
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "queue_visit",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("number", sa.String(length=16), nullable=False),
        sa.Column("area", sa.String(length=32), nullable=False),
        sa.Column("priority", sa.Integer(), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("counter_code", sa.String(length=32), nullable=True),
        sa.Column("officer", sa.String(length=64), nullable=True),
        sa.Column("issued_at", sa.DateTime(), nullable=False),
        sa.Column("recalls", sa.Integer(), nullable=False),
        sa.Column("paper", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("day", "number", name="uq_queue_visit_day_number"),
    )
    with op.batch_alter_table("queue_visit") as b:
        b.create_index("ix_queue_visit_day", ["day"])
        b.create_index("ix_queue_visit_state", ["state"])
    op.create_table(
        "queue_visit_event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("visit_id", sa.String(length=36), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("counter_code", sa.String(length=32), nullable=True),
        sa.Column("officer", sa.String(length=64), nullable=True),
        sa.ForeignKeyConstraint(["visit_id"], ["queue_visit.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("queue_visit_event") as b:
        b.create_index("ix_queue_visit_event_visit_id", ["visit_id"])
    op.create_table(
        "queue_visit_dossier",
        sa.Column("visit_id", sa.String(length=36), nullable=False),
        sa.Column("dossier_code", sa.String(length=64), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["visit_id"], ["queue_visit.id"]),
        sa.PrimaryKeyConstraint("visit_id", "dossier_code", "role"),
    )
    with op.batch_alter_table("queue_visit_dossier") as b:
        b.create_index("ix_queue_visit_dossier_dossier_code", ["dossier_code"])
    op.create_table(
        "queue_outbox",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.String(length=36), nullable=False),
        sa.Column("visit_id", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("sent_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("event_id"),
    )
    with op.batch_alter_table("queue_outbox") as b:
        b.create_index("ix_queue_outbox_visit_id", ["visit_id"])


def downgrade() -> None:
    op.drop_table("queue_outbox")
    op.drop_table("queue_visit_dossier")
    op.drop_table("queue_visit_event")
    op.drop_table("queue_visit")
