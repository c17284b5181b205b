"""Return of results: who received (the owner or an authorised person), how identified, and the
authorisation document kept with the dossier.

Revision ID: 0012
Revises: 0011
"""

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "return_receiver",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("dossier_code", sa.String(length=64), nullable=False),
        sa.Column("receiver_kind", sa.String(length=16), nullable=False),
        sa.Column("receiver_name", sa.Text(), nullable=False),
        sa.Column("receiver_id_number", sa.String(length=16), nullable=False),
        sa.Column("identified_by", sa.String(length=16), nullable=False),
        sa.Column("authorisation_sha256", sa.String(length=64), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("officer", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("return_receiver") as b:
        b.create_index("ix_return_receiver_dossier_code", ["dossier_code"], unique=True)


def downgrade() -> None:
    op.drop_table("return_receiver")
