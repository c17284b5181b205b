"""Four-eyes reprints of the receipt: the print record keeps the approval it consumed.

Revision ID: 0011
Revises: 0010
"""

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("print_record") as batch:
        batch.add_column(sa.Column("approval_id", sa.String(length=36), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("print_record") as batch:
        batch.drop_column("approval_id")
