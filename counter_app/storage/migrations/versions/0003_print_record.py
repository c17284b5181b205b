"""Print records (bản in / bản in lại of the forms).

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
    op.create_table(
        "print_record",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("dossier_code", sa.String(length=64), nullable=False),
        sa.Column("form", sa.String(length=32), nullable=False),
        sa.Column("legal_basis", sa.String(length=16), nullable=False),
        sa.Column("copies", sa.Integer(), nullable=False),
        sa.Column("printer", sa.String(length=255), nullable=False),
        sa.Column("reprint", sa.Boolean(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("officer", sa.String(length=64), nullable=False),
        sa.Column("printed_at", sa.DateTime(), nullable=False),
        sa.Column("job_state", sa.String(length=16), nullable=False),
        sa.Column("saved_pdf", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("print_record", schema=None) as batch_op:
        batch_op.create_index("ix_print_record_dossier_form", ["dossier_code", "form"], unique=False)
        batch_op.create_index(batch_op.f("ix_print_record_printed_at"), ["printed_at"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("print_record", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_print_record_printed_at"))
        batch_op.drop_index("ix_print_record_dossier_form")
    op.drop_table("print_record")
