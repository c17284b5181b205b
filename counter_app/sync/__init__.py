"""Offline-first sync with the city backend (đồng bộ với hệ thống một cửa của thành phố).

One round (:func:`engine.sync_once`): upload pending attachments → push the outbox in
batches (each event applied / duplicate / rejected / pending on the server) → pull changes
since the server cursor → lease dossier numbers ahead of need. :class:`worker.SyncWorker`
runs rounds in the background with backoff and jitter and keeps a :class:`state.SyncStatus`
for the UI; :mod:`debt` bounds how long a counter may work offline. No Qt here.
See docs/sync.md.
"""
