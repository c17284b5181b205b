"""The reception wizard (tiếp nhận hồ sơ), F2."""
