"""``city-backend``: run or migrate the reference city server.

    city-backend migrate --db postgresql://user@host/db
    CITY_BACKEND_ADMIN_TOKEN=… city-backend serve --db URL --host 127.0.0.1 --port 8080 [--storage DIR]
    city-backend serve --db URL … --admin-token-file /etc/city-backend/admin-token   (mode 0600 or 0400)
    city-backend openapi > docs/api/openapi.json
    city-backend audit alerts --db URL [--agency CODE] [--open]   (administrators, on the server host)
    city-backend audit accept ID --db URL --by NAME --reason TEXT
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path


class TokenFileError(Exception):
    """The admin token file cannot be used (missing, readable by others, empty)."""


def read_token_file(path: Path) -> str:
    """The admin token from ``path``: refused when the group or others may read or write it
    (like ssh's private keys), so the token is never more visible than in its file."""
    try:
        st = path.stat()
        text = path.read_text(encoding="utf-8").strip()
    except OSError as exc:
        raise TokenFileError(f"admin token file {path}: {exc.strerror or exc}") from exc
    if os.name == "posix" and st.st_mode & 0o077:
        raise TokenFileError(f"admin token file {path} is accessible by others (mode {st.st_mode & 0o777:o}); "
                             f"chmod 600 {path}")
    if not text:
        raise TokenFileError(f"admin token file {path} is empty")
    return text


def admin_token(args: argparse.Namespace) -> str:
    """The admin token: ``--admin-token-file``, else ``$CITY_BACKEND_ADMIN_TOKEN``, else the
    deprecated ``--admin-token`` (visible to every user in ``ps``: a warning says so)."""
    if getattr(args, "admin_token_file", None):
        return read_token_file(Path(args.admin_token_file))
    env = os.environ.get("CITY_BACKEND_ADMIN_TOKEN", "")
    if env:
        return env
    if getattr(args, "admin_token", ""):
        print("warning: --admin-token is visible to every user of this host (ps, /proc); "
              "use $CITY_BACKEND_ADMIN_TOKEN or --admin-token-file", file=sys.stderr)
        return args.admin_token
    return ""


def _settings(args: argparse.Namespace):
    from .settings import Settings

    return Settings(db_url=args.db, storage_dir=Path(args.storage), admin_token=admin_token(args))


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="city-backend", description="Reference city backend for Quầy Một cửa sync.")
    sub = p.add_subparsers(dest="command", required=True)
    mig = sub.add_parser("migrate", help="create or upgrade the database schema")
    mig.add_argument("--db", required=True, help="database URL, e.g. postgresql://postgres@127.0.0.1/city")
    mig.add_argument("--revision", default="head")
    serve = sub.add_parser("serve", help="run the HTTP server (uvicorn)")
    serve.add_argument("--db", required=True)
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8080)
    serve.add_argument("--storage", default="city-attachments", help="attachment folder (default ./city-attachments)")
    serve.add_argument("--admin-token-file", help="file holding the admin token (mode 600); "
                       "or set $CITY_BACKEND_ADMIN_TOKEN")
    serve.add_argument("--admin-token", default="", help="deprecated: visible in ps; use the variable or the file")
    serve.add_argument("--ssl-certfile")
    serve.add_argument("--ssl-keyfile")
    serve.add_argument("--no-migrate", action="store_true", help="do not upgrade the schema at start")
    api = sub.add_parser("openapi", help="print the OpenAPI document")
    api.add_argument("--db", default="sqlite://")
    api.add_argument("--storage", default=".")
    api.add_argument("--admin-token", default="", help=argparse.SUPPRESS)
    from .audit_cli import add_parser as add_audit

    add_audit(sub)
    return p


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command == "migrate":
        from .migrate import upgrade

        print(f"schema at revision {upgrade(args.db, args.revision)}")
        return 0
    if args.command == "audit":
        from .audit_cli import run

        return run(args)
    if args.command == "openapi":
        from .app import create_app

        args.admin_token = ""  # the document needs no token
        print(json.dumps(create_app(_settings(args)).openapi(), ensure_ascii=False, indent=2, sort_keys=True))
        return 0
    import uvicorn

    from .app import create_app
    from .migrate import upgrade

    try:
        settings = _settings(args)
    except TokenFileError as exc:
        print(f"city-backend: {exc}", file=sys.stderr)
        return 2
    if not args.no_migrate:
        upgrade(args.db)
    Path(args.storage).mkdir(parents=True, exist_ok=True)
    app = create_app(settings)
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning", access_log=False,
                ssl_certfile=args.ssl_certfile, ssl_keyfile=args.ssl_keyfile)
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
