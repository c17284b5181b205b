"""Reference city backend (hệ thống một cửa điện tử của thành phố — máy chủ tham chiếu).

The city's real system of record has no public interface, so the project defines the sync
API (``docs/api/openapi.json``, versioned under ``/v1``) and ships this server: FastAPI on
SQLAlchemy 2 and PostgreSQL, stateless, so a city runs several instances behind a load
balancer. See ``docs/sync.md``.
"""

API_VERSION = "v1"
