"""Community (layer 1): the peer Q&A forum and the knowledge base grown from it.

Owns categories, threads, posts, votes, accepted answers, articles, the search
documents built from them, and each visitor's journey. See DESIGN.md §1.1-1.2.
"""

from __future__ import annotations

from flask import Flask


def init_app(app: Flask) -> None:
    from community import views

    app.register_blueprint(views.bp)
