"""Officer credentials on the server (online sign-in) and approval proofs.

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("officer", sa.Column("password_verifier", sa.Text(), nullable=False, server_default=""))
    op.add_column("officer", sa.Column("approval_key", sa.Text(), nullable=False, server_default=""))
    op.add_column("officer", sa.Column("password_set_at", sa.DateTime(), nullable=True))
    op.add_column("officer", sa.Column("failures", sa.Integer(), nullable=False, server_default="0"))
    op.add_column("officer", sa.Column("locked_until", sa.DateTime(), nullable=True))
    op.create_table(
        "approval_use",
        sa.Column("approval_id", sa.String(length=64), nullable=False),
        sa.Column("agency_code", sa.String(length=32), nullable=False),
        sa.Column("event_id", sa.String(length=36), nullable=False),
        sa.Column("action", sa.String(length=32), nullable=False),
        sa.Column("requested_by", sa.String(length=64), nullable=False),
        sa.Column("approved_by", sa.String(length=64), nullable=False),
        sa.Column("used_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("approval_id"),
    )
    op.create_index("ix_approval_use_agency_code", "approval_use", ["agency_code"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_approval_use_agency_code", table_name="approval_use")
    op.drop_table("approval_use")
    for column in ("locked_until", "failures", "password_set_at", "approval_key", "password_verifier"):
        op.drop_column("officer", column)
