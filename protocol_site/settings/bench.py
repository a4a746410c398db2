"""Settings for `make bench`: the local settings plus the benchmark dataset (`scale`), which
seeds and times a synthetic council. The site itself (local, production) never loads it."""

from .local import *  # noqa: F403

INSTALLED_APPS = [*INSTALLED_APPS, "scale"]  # noqa: F405
