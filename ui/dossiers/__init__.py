"""Dossier search (tra cứu hồ sơ), F4: results, detail with timeline, status moves."""
