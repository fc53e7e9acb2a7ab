"""The portal's own settings (config.settings, read from the environment as in
production), with one difference: the URLconf adds the floor view of the
benchmark. Only the bench's gunicorn uses this module, so the floor view is
never mounted by the portal's own settings."""

from config.settings import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
