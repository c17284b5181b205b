"""Fees and ratings: receipt numbers unique per agency; refunds and cancellations name the
collection they reverse; one rating per dossier and stage (reception / return).

Existing data: each payment gets its dossier's agency; a refund is linked to the latest
collection of its dossier (refunds were all recorded as cash before; their method is taken
from that collection). A receipt number already used twice in an agency keeps its first
use; later uses get " (trùng #id)" appended, the original number kept in the note, so the
index can be built and nothing is lost. Ratings were one per dossier: the stage is
"return" when the dossier had been returned by the time of the rating, else "reception".

Revision ID: 0013
Revises: 0012
"""

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("payment") as batch:
        batch.add_column(sa.Column("agency_code", sa.String(length=64), nullable=False, server_default=""))
        batch.add_column(sa.Column("ref_payment_id", sa.Integer(), nullable=True))
    op.execute("UPDATE payment SET agency_code = COALESCE((SELECT d.agency_code FROM dossier d "
               "WHERE d.code = payment.dossier_code), '')")
    op.execute("UPDATE payment SET ref_payment_id = (SELECT c.id FROM payment c WHERE c.kind = 'collect' "
               "AND c.dossier_code = payment.dossier_code AND c.at <= payment.at ORDER BY c.at DESC, c.id DESC "
               "LIMIT 1) WHERE kind IN ('refund', 'cancel')")
    op.execute("UPDATE payment SET method = COALESCE((SELECT c.method FROM payment c "
               "WHERE c.id = payment.ref_payment_id), method) WHERE kind IN ('refund', 'cancel')")
    op.execute("UPDATE payment SET note = TRIM(note || ' [số biên lai gốc: ' || receipt_no || ']'), "
               "receipt_no = receipt_no || ' (trùng #' || id || ')' "
               "WHERE kind = 'collect' AND EXISTS (SELECT 1 FROM payment p WHERE p.kind = 'collect' "
               "AND p.agency_code = payment.agency_code AND p.receipt_no = payment.receipt_no AND p.id < payment.id)")
    with op.batch_alter_table("payment") as batch:
        batch.create_index("uq_payment_agency_receipt", ["agency_code", "receipt_no"], unique=True,
                           sqlite_where=sa.text("kind = 'collect'"))
    with op.batch_alter_table("rating") as batch:
        batch.add_column(sa.Column("stage", sa.String(length=16), nullable=False, server_default="reception"))
    op.execute("UPDATE rating SET stage = 'return' WHERE EXISTS (SELECT 1 FROM status_change h "
               "JOIN dossier d ON d.id = h.dossier_id WHERE d.code = rating.dossier_code "
               "AND h.to_status = 'returned' AND h.at <= rating.at)")
    with op.batch_alter_table("rating") as batch:
        batch.create_index("uq_rating_dossier_stage", ["dossier_code", "stage"], unique=True)


def downgrade() -> None:
    with op.batch_alter_table("rating") as batch:
        batch.drop_index("uq_rating_dossier_stage")
        batch.drop_column("stage")
    with op.batch_alter_table("payment") as batch:
        batch.drop_index("uq_payment_agency_receipt")
        batch.drop_column("ref_payment_id")
        batch.drop_column("agency_code")
