"""Moderation pages. The blueprint is registered so the package's place in the app is visible;
its pages arrive with the issues that build them."""

from __future__ import annotations

from flask import Blueprint

bp = Blueprint("moderation", __name__, url_prefix="/moderation", template_folder="templates")
