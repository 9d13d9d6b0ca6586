"""Development: DEBUG on, a throwaway secret key, mail printed to the console."""

from .base import *  # noqa: F403
from .base import env_bool

DEBUG = env_bool("DEBUG", True)
SECRET_KEY = SECRET_KEY or "dev-only-insecure-key-never-use-in-production"
if not DEBUG:
    require_secret_key()
