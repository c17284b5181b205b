"""``counter-app sync``: configure, run one round, or show the sync state."""

from __future__ import annotations

import argparse


def register(sub) -> None:
    p = sub.add_parser("sync", help="đồng bộ với hệ thống một cửa của thành phố")
    mode = p.add_mutually_exclusive_group(required=True)
    mode.add_argument("--once", action="store_true", help="chạy một lượt đồng bộ và in tóm tắt")
    mode.add_argument("--status", action="store_true", help="in trạng thái đồng bộ")
    mode.add_argument("--configure", action="store_true", help="lưu địa chỉ máy chủ và mã xác thực của quầy")
    p.add_argument("--server", help="địa chỉ máy chủ, ví dụ https://motcua.hanoi.gov.vn")
    p.add_argument("--token", help="mã xác thực của quầy (do quản trị hệ thống cấp)")
    p.add_argument("--ca-file", help="chứng thư CA hoặc chứng thư máy chủ được ghim (PEM)")
    p.add_argument("--batch-size", type=int, default=200)
    p.set_defaults(handler=_run)


def _run(args: argparse.Namespace) -> int:
    from ..domain.errors import ValidationError
    from ..profile import Profile
    from . import state
    from .attachments import StoredAttachments
    from .engine import SyncOptions, client_for, remember_registration, sync_once

    profile = Profile.default(args.data_dir)
    store = profile.open_store()
    try:
        if args.configure:
            if not args.server or not args.token:
                raise ValidationError("--configure needs --server and --token",
                                      "Cần cả --server (địa chỉ máy chủ) và --token (mã xác thực của quầy).")

            def save(s) -> None:
                state.put(s, state.SERVER_URL, args.server.rstrip("/"))
                state.put(s, state.TOKEN, args.token)
                state.put(s, state.CA_FILE, args.ca_file)
            store.write(save)
            print(f"Đã lưu cấu hình đồng bộ: {args.server}")
            with client_for(store) as client:  # learn the fallback slice now, before any offline day
                me = client.me()
            remember_registration(store, me)
            fb = me.get("fallback") or {}
            print(f"Quầy {me['counter_code']} của {me['agency_code']}; dải số dự phòng: "
                  f"{fb.get('first', '-')}–{fb.get('last', '-')}")
            return 0
        if args.status:
            with store.read() as s:
                st = state.load_status(s)
            print(f"Trực tuyến: {'có' if st.online else 'không'}")
            print(f"Mất kết nối từ: {st.offline_since or '-'}")
            print(f"Lần đồng bộ thành công gần nhất: {st.last_success or '-'}")
            print(f"Sự kiện chờ gửi: {st.waiting_events}; tệp chờ tải: {st.waiting_uploads}")
            if st.last_error:
                print(f"Lỗi gần nhất: {st.last_error}")
            return 0
        options = SyncOptions(batch_size=args.batch_size)
        with client_for(store, server_url=args.server, options=options) as client:
            summary = sync_once(store, client, options=options,
                                attachments=StoredAttachments(store, profile.root))
        for line in summary.lines():
            print(line)
        return 0 if summary.ok else 1
    finally:
        store.close()
