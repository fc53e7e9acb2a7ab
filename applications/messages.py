"""Placeholder replaced once the outbox is merged."""


def after_state_change(*, interest, from_state, by):
    return None
