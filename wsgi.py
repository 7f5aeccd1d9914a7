"""The WSGI entry point: ``gunicorn wsgi:app`` and ``flask --app wsgi ...``.

A web server never migrates, so only the ``flask`` command loads Alembic (10 MB a
process): ``flask --app wsgi db upgrade`` works, a gunicorn worker stays smaller.
"""

import os

from app import create_app

app = create_app({"MIGRATIONS": os.environ.get("FLASK_RUN_FROM_CLI") == "true"})
