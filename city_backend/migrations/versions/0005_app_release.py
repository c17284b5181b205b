"""App releases announced to counters (update check), versions counters report, per-agency settings.

Revision ID: 0005
Revises: 0004
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "app_release",
        sa.Column("platform", sa.String(length=32), nullable=False),
        sa.Column("version", sa.String(length=32), nullable=False),
        sa.Column("minimum", sa.String(length=32), nullable=False),
        sa.Column("url", sa.Text(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("notes_vi", sa.Text(), nullable=False),
        sa.Column("announced_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("platform"),
    )
    op.create_table(
        "counter_version_seen",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("agency_code", sa.String(length=32), nullable=False),
        sa.Column("counter_code", sa.String(length=32), nullable=False),
        sa.Column("version", sa.String(length=32), nullable=False),
        sa.Column("platform", sa.String(length=32), nullable=False),
        sa.Column("seen_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("agency_code", "counter_code"),
    )
    op.create_index("ix_counter_version_seen_agency_code", "counter_version_seen", ["agency_code"], unique=False)
    op.create_table(
        "agency_settings",
        sa.Column("agency_code", sa.String(length=32), nullable=False),
        sa.Column("body", sa.JSON(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("agency_code"),
    )


def downgrade() -> None:
    op.drop_table("agency_settings")
    op.drop_index("ix_counter_version_seen_agency_code", table_name="counter_version_seen")
    op.drop_table("counter_version_seen")
    op.drop_table("app_release")
