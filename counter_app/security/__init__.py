"""Sign-in, roles, four-eyes approvals, the hash-chained audit log, secrets and redaction.

Personal data at a counter is protected by Decree 13/2023/NĐ-CP (bảo vệ dữ liệu cá nhân).
What each role may do is one table (:mod:`.permissions`), enforced by the services.
"""
