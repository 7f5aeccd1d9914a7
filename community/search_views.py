"""The search page: ids from the index, rows (and visibility) from SQL, in the index's order."""

from __future__ import annotations

from flask import render_template, request
from markupsafe import Markup

from app import search as search_adapter
from community import search_documents
from community.views import bp


@bp.get("/search")
def search():
    query = request.args.get("q", "").strip()[:200]
    found = search_adapter.query(query, kinds=["thread"], limit=20) if query else None
    threads = search_documents.visible_threads([hit.id for hit in found.hits]) if found else {}
    results = [(threads[hit.id], Markup(hit.highlight))  # noqa: S704 - escaped by Whoosh
               for hit in (found.hits if found else []) if hit.id in threads]
    return render_template("community/search.html", query=query, results=results)
