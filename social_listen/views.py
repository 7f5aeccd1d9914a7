"""Social listening pages. The blueprint is registered so the package's place in the app is visible;
its pages arrive with the issues that build them."""

from __future__ import annotations

from flask import Blueprint

bp = Blueprint("social_listen", __name__, url_prefix="/listening", template_folder="templates")
