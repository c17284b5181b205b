"""Erase the applicant's personal data of online submissions already taken by a counter (the
counter holds it; the take route erases it from now on): keep the kind and a SHA-256 of the
submitted data, as ``routes_online.erase_applicant`` does. Data only; no schema change.

Revision ID: 0007
Revises: 0006
"""

import hashlib
import json

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def _erased(applicant: dict) -> dict:
    if applicant.get("erased"):
        return applicant
    digest = hashlib.sha256(json.dumps(applicant, ensure_ascii=False, sort_keys=True,
                                       separators=(",", ":")).encode("utf-8")).hexdigest()
    return {"erased": True, "kind": applicant.get("kind", "individual"), "sha256": digest}


def upgrade() -> None:
    table = sa.table("online_dossier", sa.column("id", sa.String), sa.column("state", sa.String),
                     sa.column("applicant", sa.JSON))
    conn = op.get_bind()
    rows = conn.execute(sa.select(table.c.id, table.c.applicant).where(table.c.state == "taken")).all()
    for row_id, applicant in rows:
        data = applicant if isinstance(applicant, dict) else json.loads(applicant or "{}")
        if not data.get("erased"):
            conn.execute(table.update().where(table.c.id == row_id).values(applicant=_erased(data)))


def downgrade() -> None:
    """Nothing to restore: erased data is gone on purpose (the counters hold it)."""
