"""Data protection: approval proofs for the server, retention purge of local attachment copies.

Revision ID: 0010
Revises: 0009
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("approval") as batch:
        batch.add_column(sa.Column("proof", sa.String(length=64), nullable=False, server_default=""))
    with op.batch_alter_table("attachment") as batch:
        batch.add_column(sa.Column("purged_at", sa.DateTime(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("attachment") as batch:
        batch.drop_column("purged_at")
    with op.batch_alter_table("approval") as batch:
        batch.drop_column("proof")
