"""Number leases (cấp trước khối số hồ sơ): disjoint blocks per agency and day, for every counter.

The high-water mark moves with one atomic ``INSERT … ON CONFLICT DO UPDATE … RETURNING``,
so concurrent requests on several server instances never get overlapping blocks. Numbers
above ``lease_ceiling`` are never leased: they are the counters' offline fallback range.
"""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from .db import Database, server_now
from .deps import Caller
from .errors import ApiError
from .models import LeaseHighWater, NumberLease
from .settings import Settings


def grant(db: Database, session: Session, caller: Caller, settings: Settings, *, day: date, size: int) -> NumberLease:
    today = server_now().date()
    if not today - timedelta(days=1) <= day <= today + timedelta(days=settings.lease_days_ahead):
        raise ApiError(422, "day_out_of_range", f"leases are granted from yesterday to {settings.lease_days_ahead} "
                       "days ahead", "Chỉ cấp trước số hồ sơ cho ngày hôm nay và các ngày sắp tới.")
    size = min(size, settings.max_lease_size)
    dialect = postgresql if db.is_postgres else sqlite
    stmt = dialect.insert(LeaseHighWater).values(agency_code=caller.agency_code, day=day, last_leased=size)
    stmt = stmt.on_conflict_do_update(
        index_elements=["agency_code", "day"],
        set_={"last_leased": LeaseHighWater.last_leased + size},
    ).returning(LeaseHighWater.last_leased)
    last = session.execute(stmt).scalar_one()
    first = last - size + 1
    if first > settings.lease_ceiling:
        raise ApiError(409, "numbers_exhausted", f"all leasable numbers of {day} are used",
                       f"Đã cấp hết số hồ sơ của ngày {day:%d/%m/%Y} cho cơ quan. Quầy dùng dải số dự phòng; "
                       "liên hệ quản trị hệ thống nếu dải này cũng hết.")
    lease = NumberLease(agency_code=caller.agency_code, day=day, counter_code=caller.counter_code, first=first,
                        last=min(last, settings.lease_ceiling), granted_at=server_now())
    session.add(lease)
    session.flush()
    return lease


def leases_of(session: Session, agency_code: str, day: date) -> list[NumberLease]:
    return list(session.scalars(select(NumberLease).where(
        NumberLease.agency_code == agency_code, NumberLease.day == day).order_by(NumberLease.first)))
