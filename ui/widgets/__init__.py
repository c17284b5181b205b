"""Widgets of the main window; each renders core data and emits signals, none calls the core."""
