"""Settings for the test suite: the project's own, with a signing key when none is set.

Tests sign nothing that outlives them, so a fixed key is enough; DATABASE_URL and the rest come
from the environment as in production.
"""

import os
import tempfile

os.environ.setdefault("SECRET_KEY", "test-secret-key")

from marketplace.settings import *  # noqa: F403

# Tests write producer identities: a key derived for development, never used in production.
PRODUCER_IDENTITY_DEVELOPMENT_KEY = True

# SQLite's own in-memory database cannot make a writer wait for another (it fails at once), so
# the embedded database under test is a file in memory (tmpfs where there is one): concurrent
# connections then take turns as they do in production. One file per test run.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    _shm = "/dev/shm"  # noqa: S108 - a private file name per run, removed at the end
    _memory = _shm if os.path.isdir(_shm) else tempfile.gettempdir()
    DATABASES["default"]["TEST"] = {  # noqa: F405
        "NAME": os.path.join(_memory, f"marketplace-test-{os.getpid()}.sqlite3")
    }
