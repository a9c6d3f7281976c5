"""Settings for the test suite: the project's own, with a signing key when none is set.

Tests sign nothing that outlives them, so a fixed key is enough; DATABASE_URL and the rest come
from the environment as in production.
"""

import os

os.environ.setdefault("SECRET_KEY", "test-secret-key")

from marketplace.settings import *  # noqa: E402, F403

# Tests write producer identities: a key derived for development, never used in production.
PRODUCER_IDENTITY_DEVELOPMENT_KEY = True
