"""WSGI entry point for gunicorn (and runserver)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "decisionaid.settings")

application = get_wsgi_application()

from decisionaid.kiosk.checks import refuse_weak_production_kiosk  # noqa: E402
from decisionaid.lib import sessionpurge  # noqa: E402

refuse_weak_production_kiosk()
# Only a serving process deletes expired visits in the background; tests and commands do not.
sessionpurge.enable()
