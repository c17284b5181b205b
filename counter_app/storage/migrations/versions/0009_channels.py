"""Channels: online and postal dossiers (postal tracking numbers, online intake).

Revision ID: 0009
Revises: 0008
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "dossier_channel",
        sa.Column("dossier_code", sa.String(length=64), nullable=False),
        sa.Column("channel", sa.Integer(), nullable=False),
        sa.Column("online_id", sa.String(length=36), nullable=False),
        sa.Column("online_taken_at", sa.DateTime(), nullable=True),
        sa.Column("inbound_tracking", sa.String(length=13), nullable=False),
        sa.Column("outbound_tracking", sa.String(length=13), nullable=False),
        sa.Column("outbound_sent_at", sa.DateTime(), nullable=True),
        sa.Column("outbound_officer", sa.String(length=64), nullable=False),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.Column("officer", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("dossier_code"),
    )
    with op.batch_alter_table("dossier_channel") as b:
        b.create_index("ix_dossier_channel_online_id", ["online_id"])
        b.create_index("ix_dossier_channel_inbound_tracking", ["inbound_tracking"])
        b.create_index("ix_dossier_channel_outbound_tracking", ["outbound_tracking"])


def downgrade() -> None:
    op.drop_table("dossier_channel")
