"""Chip ID card reader (Thẻ căn cước / CCCD gắn chip) over PC/SC — ICAO 9303 eMRTD.

The rest of the application uses :class:`devices.idcard.facade.IdCardReader` only.
"""
