"""Online and postal dossiers waiting for reception at a counter (hồ sơ trực tuyến / bưu chính).

Revision ID: 0002
Revises: 0001
"""

from alembic import op
import sqlalchemy as sa

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('online_dossier',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('agency_code', sa.String(length=32), nullable=False),
    sa.Column('channel', sa.Integer(), nullable=False),
    sa.Column('procedure_code', sa.String(length=64), nullable=False),
    sa.Column('applicant', sa.JSON(), nullable=False),
    sa.Column('files', sa.JSON(), nullable=False),
    sa.Column('tracking_number', sa.String(length=64), nullable=False),
    sa.Column('state', sa.String(length=16), nullable=False),
    sa.Column('dossier_code', sa.String(length=64), nullable=False),
    sa.Column('taken_by', sa.String(length=32), nullable=False),
    sa.Column('submitted_at', sa.DateTime(), nullable=False),
    sa.Column('taken_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['agency_code'], ['agency.code'], ),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index('ix_online_dossier_agency_state', 'online_dossier', ['agency_code', 'state'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_online_dossier_agency_state', table_name='online_dossier')
    op.drop_table('online_dossier')
