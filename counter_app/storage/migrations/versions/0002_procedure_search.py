"""Full-text search over the procedure catalog (FTS5 on the unaccented column).

``procedure.search_text`` holds code, name, field and keywords without diacritics
(đ → d) in lower case; ``procedure_fts`` indexes it as an external-content FTS5 table
kept in step by triggers, so a search for "ho tich" finds "Hộ tịch" on 1 M rows fast.

Revision ID: 0002
Revises: 0001
"""

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute(
        "CREATE VIRTUAL TABLE procedure_fts USING fts5("
        "search_text, content='procedure', content_rowid='id', "
        "tokenize=\"unicode61 remove_diacritics 2 tokenchars '.'\")"
    )
    op.execute(
        "CREATE TRIGGER procedure_fts_ai AFTER INSERT ON procedure BEGIN "
        "INSERT INTO procedure_fts(rowid, search_text) VALUES (new.id, new.search_text); END"
    )
    op.execute(
        "CREATE TRIGGER procedure_fts_ad AFTER DELETE ON procedure BEGIN "
        "INSERT INTO procedure_fts(procedure_fts, rowid, search_text) "
        "VALUES ('delete', old.id, old.search_text); END"
    )
    op.execute(
        "CREATE TRIGGER procedure_fts_au AFTER UPDATE OF search_text ON procedure BEGIN "
        "INSERT INTO procedure_fts(procedure_fts, rowid, search_text) "
        "VALUES ('delete', old.id, old.search_text); "
        "INSERT INTO procedure_fts(rowid, search_text) VALUES (new.id, new.search_text); END"
    )
    # Index the rows that exist already (a store made by revision 0001).
    op.execute("INSERT INTO procedure_fts(procedure_fts) VALUES ('rebuild')")


def downgrade() -> None:
    for trigger in ("procedure_fts_ai", "procedure_fts_ad", "procedure_fts_au"):
        op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    op.execute("DROP TABLE IF EXISTS procedure_fts")
