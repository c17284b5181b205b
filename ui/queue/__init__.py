"""Queue screens: the counter's queue panel (dock), the calling display, the customer-facing screen."""
