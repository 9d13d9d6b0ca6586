"""Production: DEBUG off, every protecting setting required from the environment."""

from .base import *  # noqa: F403
from .base import env_bool

DEBUG = False
require_secret_key()
if not os.environ.get("DATABASE_URL"):
    raise ImproperlyConfigured("DATABASE_URL must be set in production.")
if not os.environ.get("ALLOWED_HOSTS"):
    raise ImproperlyConfigured("ALLOWED_HOSTS must be set in production.")

STORAGES["staticfiles"] = {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"}
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "SAMEORIGIN"

# Bulk listing imports run in a worker (`manage.py db_worker --backend imports`),
# queued in the database; Wagtail's own tasks stay immediate.
INSTALLED_APPS += ["django_tasks_db"]
TASKS["imports"] = {"BACKEND": "django_tasks_db.DatabaseBackend"}
