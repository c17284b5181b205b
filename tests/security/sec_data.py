"""Test data shared by the security tests (imported as a plain module: pytest puts this folder on sys.path)."""

from datetime import datetime

NOW = datetime(2026, 11, 27, 9, 0)
PASSWORDS = {"canbo01": "mat-khau-can-bo", "lanhdao01": "mat-khau-lanh-dao", "quantri": "mat-khau-quan-tri",
             "lanhdao02": "mat-khau-lanh-dao-2"}
