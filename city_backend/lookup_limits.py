"""Rate limits of the public lookup page (giới hạn tần suất tra cứu hồ sơ).

Two limits, both in the server process:

* :class:`TokenBucket` per client: ``burst`` lookups at once, refilled at ``per_minute``. A client
  is its IPv4 address, or its IPv6 **/64** network (:func:`client_key`: one household or phone
  gets a whole /64 and can pick any address in it; an IPv4-mapped IPv6 address is its IPv4).
* :class:`CodeLock` per dossier code: after ``failures`` wrong answers (wrong digits, or a code
  that does not exist — counted the same, so the lock says nothing of existence) within
  ``window`` seconds, the code answers 429 for ``lock`` seconds to everyone, whatever their
  address. The digits are only 10 000 possibilities; this bounds the guesses a botnet of many
  addresses can make on one dossier.

Both keep at most ``max_keys`` entries and evict the least recently used one when full
(a flood of new addresses or codes never empties the table of the clients being limited; a
locked code is spared while unlocked ones remain near the front).
"""

from __future__ import annotations

import ipaddress
import threading
import time
from collections import OrderedDict, deque


def client_key(host: str | None) -> str:
    """The rate-limit key of a client address: IPv4 as is, IPv6 grouped by its /64."""
    raw = (host or "").split("%", 1)[0].strip()
    try:
        ip = ipaddress.ip_address(raw)
    except ValueError:
        return raw or "?"
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            return str(ip.ipv4_mapped)
        return str(ipaddress.IPv6Network((int(ip) >> 64 << 64, 64)))
    return str(ip)


class _Lru(OrderedDict):
    def touch(self, key: str, value, max_keys: int) -> None:
        self[key] = value
        self.move_to_end(key)
        while len(self) > max_keys:
            self.popitem(last=False)


class TokenBucket:
    """Per-key token buckets: ``burst`` requests at once, refilled at ``per_minute`` a minute."""

    def __init__(self, per_minute: float, burst: int, *, clock=time.monotonic, max_keys: int = 100_000) -> None:
        self.rate, self.burst, self.clock, self.max_keys = per_minute / 60.0, float(burst), clock, max_keys
        self._buckets: _Lru = _Lru()
        self._lock = threading.Lock()

    def take(self, key: str) -> float:
        """0 if allowed (a token is taken), else the seconds until the next token."""
        with self._lock:
            now = self.clock()
            tokens, last = self._buckets.get(key, (self.burst, now))
            tokens = min(self.burst, tokens + (now - last) * self.rate)
            if tokens >= 1.0:
                self._buckets.touch(key, (tokens - 1.0, now), self.max_keys)
                return 0.0
            self._buckets.touch(key, (tokens, now), self.max_keys)
            return (1.0 - tokens) / self.rate if self.rate > 0 else 3600.0

    def __len__(self) -> int:
        return len(self._buckets)

    def __contains__(self, key: str) -> bool:
        return key in self._buckets


class CodeLock:
    """Wrong answers per dossier code; a code with too many is locked for a while, for everyone."""

    def __init__(self, failures: int, window: float, lock: float, *, clock=time.monotonic,
                 max_keys: int = 100_000) -> None:
        self.failures, self.window, self.lock, self.clock = max(1, failures), window, lock, clock
        self.max_keys = max_keys
        self._codes: _Lru = _Lru()  # code → (recent failure times, locked until)
        self._mutex = threading.Lock()

    @staticmethod
    def _key(code: str) -> str:
        return code.strip().upper()

    def wait(self, code: str) -> float:
        """0 if the code may be looked up now, else the seconds until its lock ends."""
        with self._mutex:
            entry = self._codes.get(self._key(code))
            if entry is None:
                return 0.0
            return max(0.0, entry[1] - self.clock())

    def failed(self, code: str) -> None:
        """A wrong answer for ``code`` (wrong digits, unknown code, malformed digits)."""
        key = self._key(code)
        with self._mutex:
            now = self.clock()
            times, until = self._codes.get(key, (deque(maxlen=self.failures), 0.0))
            times.append(now)
            while times and times[0] <= now - self.window:
                times.popleft()
            if len(times) >= self.failures:
                until, times = now + self.lock, deque(maxlen=self.failures)
            self._codes[key] = (times, until)
            self._codes.move_to_end(key)
            self._evict(now)

    def _evict(self, now: float) -> None:
        """Drop the least recently failed codes past ``max_keys``, sparing locked ones where it can
        (a flood of made-up codes must not free the code being guessed)."""
        spared = 0
        while len(self._codes) > self.max_keys:
            key, entry = self._codes.popitem(last=False)
            if entry[1] > now and spared < 64:
                self._codes[key] = entry  # still locked: keep it, look at the next one
                spared += 1

    def __len__(self) -> int:
        return len(self._codes)
