"""initial schema

Revision ID: 0001
Revises:
Create Date: 2026-11-27
"""

from alembic import op
import sqlalchemy as sa


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('agency',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=32), nullable=False),
    sa.Column('name', sa.String(length=255), nullable=False),
    sa.Column('level', sa.String(length=8), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('code')
    )
    op.create_table('calendar_override',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('agency_code', sa.String(length=32), nullable=True),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('kind', sa.String(length=8), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('calendar_override', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_calendar_override_agency_code'), ['agency_code'], unique=False)
        batch_op.create_index(batch_op.f('ix_calendar_override_day'), ['day'], unique=False)

    op.create_table('number_high_water',
    sa.Column('agency_code', sa.String(length=32), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('last_leased', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('agency_code', 'day')
    )
    op.create_table('number_lease',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('agency_code', sa.String(length=32), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('first', sa.Integer(), nullable=False),
    sa.Column('last', sa.Integer(), nullable=False),
    sa.Column('next_value', sa.Integer(), nullable=False),
    sa.Column('source', sa.String(length=16), nullable=False),
    sa.Column('counter_code', sa.String(length=32), nullable=False),
    sa.Column('leased_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('number_lease', schema=None) as batch_op:
        batch_op.create_index('ix_number_lease_agency_day', ['agency_code', 'day'], unique=False)

    op.create_table('outbox_event',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('event_id', sa.String(length=36), nullable=False),
    sa.Column('kind', sa.String(length=64), nullable=False),
    sa.Column('aggregate', sa.String(length=64), nullable=False),
    sa.Column('payload', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('sent_at', sa.DateTime(), nullable=True),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('event_id')
    )
    with op.batch_alter_table('outbox_event', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_outbox_event_aggregate'), ['aggregate'], unique=False)
        batch_op.create_index(batch_op.f('ix_outbox_event_sent_at'), ['sent_at'], unique=False)

    op.create_table('procedure',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=64), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('field', sa.String(length=255), nullable=False),
    sa.Column('level', sa.String(length=8), nullable=False),
    sa.Column('processing_agency', sa.String(length=255), nullable=False),
    sa.Column('limit_kind', sa.String(length=16), nullable=False),
    sa.Column('limit_value', sa.Double(), nullable=False),
    sa.Column('result_type', sa.Text(), nullable=False),
    sa.Column('legal_basis_text', sa.Text(), nullable=False),
    sa.Column('published_by', sa.Text(), nullable=False),
    sa.Column('form_version', sa.String(length=16), nullable=True),
    sa.Column('is_demo', sa.Boolean(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('keywords', sa.Text(), nullable=False),
    sa.Column('search_text', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('code', 'version')
    )
    with op.batch_alter_table('procedure', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_procedure_code'), ['code'], unique=False)

    op.create_table('setting',
    sa.Column('key', sa.String(length=128), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('key')
    )
    op.create_table('counter',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('agency_code', sa.String(length=32), nullable=False),
    sa.Column('code', sa.String(length=32), nullable=False),
    sa.Column('name', sa.String(length=255), nullable=False),
    sa.ForeignKeyConstraint(['agency_code'], ['agency.code'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('agency_code', 'code')
    )
    op.create_table('dossier',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=64), nullable=False),
    sa.Column('agency_code', sa.String(length=32), nullable=False),
    sa.Column('counter_code', sa.String(length=32), nullable=False),
    sa.Column('officer', sa.String(length=64), nullable=False),
    sa.Column('procedure_id', sa.Integer(), nullable=True),
    sa.Column('procedure_code', sa.String(length=64), nullable=False),
    sa.Column('procedure_name', sa.Text(), nullable=False),
    sa.Column('legal_basis', sa.String(length=16), nullable=False),
    sa.Column('channel', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=32), nullable=False),
    sa.Column('received_at', sa.DateTime(), nullable=False),
    sa.Column('counting_start', sa.DateTime(), nullable=True),
    sa.Column('due_at', sa.DateTime(), nullable=True),
    sa.Column('limit_kind', sa.String(length=16), nullable=False),
    sa.Column('limit_value', sa.Double(), nullable=False),
    sa.Column('fee_vnd', sa.Integer(), nullable=False),
    sa.Column('reception_supplements', sa.Integer(), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('applicant_kind', sa.String(length=16), nullable=False),
    sa.Column('applicant_name', sa.Text(), nullable=False),
    sa.Column('applicant_id_number', sa.String(length=16), nullable=False),
    sa.Column('applicant_tax_code', sa.String(length=16), nullable=False),
    sa.Column('applicant_dob', sa.Date(), nullable=True),
    sa.Column('applicant_sex', sa.String(length=8), nullable=True),
    sa.Column('applicant_address', sa.Text(), nullable=False),
    sa.Column('applicant_source', sa.String(length=8), nullable=False),
    sa.Column('submitter_name', sa.Text(), nullable=False),
    sa.Column('submitter_id_number', sa.String(length=16), nullable=False),
    sa.Column('submitter_relation', sa.Text(), nullable=False),
    sa.Column('contact_phone', sa.String(length=32), nullable=False),
    sa.Column('contact_email', sa.String(length=255), nullable=False),
    sa.Column('contact_address', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('row_version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['procedure_id'], ['procedure.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('code')
    )
    with op.batch_alter_table('dossier', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_dossier_agency_code'), ['agency_code'], unique=False)
        batch_op.create_index(batch_op.f('ix_dossier_applicant_id_number'), ['applicant_id_number'], unique=False)
        batch_op.create_index(batch_op.f('ix_dossier_due_at'), ['due_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_dossier_procedure_code'), ['procedure_code'], unique=False)
        batch_op.create_index(batch_op.f('ix_dossier_received_at'), ['received_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_dossier_status'), ['status'], unique=False)

    op.create_table('officer',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('username', sa.String(length=64), nullable=False),
    sa.Column('full_name', sa.String(length=255), nullable=False),
    sa.Column('role', sa.String(length=16), nullable=False),
    sa.Column('agency_code', sa.String(length=32), nullable=False),
    sa.ForeignKeyConstraint(['agency_code'], ['agency.code'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('username')
    )
    op.create_table('procedure_component',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('procedure_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('originals', sa.Integer(), nullable=False),
    sa.Column('copies', sa.Integer(), nullable=False),
    sa.Column('mandatory', sa.Boolean(), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['procedure_id'], ['procedure.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('procedure_component', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_procedure_component_procedure_id'), ['procedure_id'], unique=False)

    op.create_table('procedure_fee',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('procedure_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('amount_vnd', sa.Integer(), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['procedure_id'], ['procedure.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('procedure_fee', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_procedure_fee_procedure_id'), ['procedure_id'], unique=False)

    op.create_table('dossier_component',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('dossier_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('required_originals', sa.Integer(), nullable=False),
    sa.Column('required_copies', sa.Integer(), nullable=False),
    sa.Column('mandatory', sa.Boolean(), nullable=False),
    sa.Column('originals', sa.Integer(), nullable=False),
    sa.Column('copies', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['dossier_id'], ['dossier.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('dossier_component', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_dossier_component_dossier_id'), ['dossier_id'], unique=False)

    op.create_table('dossier_pause',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('dossier_id', sa.Integer(), nullable=False),
    sa.Column('started_at', sa.DateTime(), nullable=False),
    sa.Column('ended_at', sa.DateTime(), nullable=True),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['dossier_id'], ['dossier.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('dossier_pause', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_dossier_pause_dossier_id'), ['dossier_id'], unique=False)

    op.create_table('handoff',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('dossier_id', sa.Integer(), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('from_unit', sa.Text(), nullable=False),
    sa.Column('to_unit', sa.Text(), nullable=False),
    sa.Column('given_by', sa.String(length=64), nullable=False),
    sa.Column('given_at', sa.DateTime(), nullable=False),
    sa.Column('received_by', sa.String(length=64), nullable=False),
    sa.Column('received_at', sa.DateTime(), nullable=True),
    sa.Column('step_due_at', sa.DateTime(), nullable=True),
    sa.Column('result', sa.String(length=16), nullable=True),
    sa.Column('note', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['dossier_id'], ['dossier.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('handoff', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_handoff_dossier_id'), ['dossier_id'], unique=False)

    op.create_table('status_change',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('dossier_id', sa.Integer(), nullable=False),
    sa.Column('from_status', sa.String(length=32), nullable=False),
    sa.Column('to_status', sa.String(length=32), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('officer', sa.String(length=64), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['dossier_id'], ['dossier.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('status_change', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_status_change_dossier_id'), ['dossier_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('status_change', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_status_change_dossier_id'))

    op.drop_table('status_change')
    with op.batch_alter_table('handoff', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_handoff_dossier_id'))

    op.drop_table('handoff')
    with op.batch_alter_table('dossier_pause', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_dossier_pause_dossier_id'))

    op.drop_table('dossier_pause')
    with op.batch_alter_table('dossier_component', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_dossier_component_dossier_id'))

    op.drop_table('dossier_component')
    with op.batch_alter_table('procedure_fee', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_procedure_fee_procedure_id'))

    op.drop_table('procedure_fee')
    with op.batch_alter_table('procedure_component', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_procedure_component_procedure_id'))

    op.drop_table('procedure_component')
    op.drop_table('officer')
    with op.batch_alter_table('dossier', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_dossier_status'))
        batch_op.drop_index(batch_op.f('ix_dossier_received_at'))
        batch_op.drop_index(batch_op.f('ix_dossier_procedure_code'))
        batch_op.drop_index(batch_op.f('ix_dossier_due_at'))
        batch_op.drop_index(batch_op.f('ix_dossier_applicant_id_number'))
        batch_op.drop_index(batch_op.f('ix_dossier_agency_code'))

    op.drop_table('dossier')
    op.drop_table('counter')
    op.drop_table('setting')
    with op.batch_alter_table('procedure', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_procedure_code'))

    op.drop_table('procedure')
    with op.batch_alter_table('outbox_event', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_outbox_event_sent_at'))
        batch_op.drop_index(batch_op.f('ix_outbox_event_aggregate'))

    op.drop_table('outbox_event')
    with op.batch_alter_table('number_lease', schema=None) as batch_op:
        batch_op.drop_index('ix_number_lease_agency_day')

    op.drop_table('number_lease')
    op.drop_table('number_high_water')
    with op.batch_alter_table('calendar_override', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_calendar_override_day'))
        batch_op.drop_index(batch_op.f('ix_calendar_override_agency_code'))

    op.drop_table('calendar_override')
    op.drop_table('agency')
