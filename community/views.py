"""Community pages: the home page and search."""

from __future__ import annotations

from flask import Blueprint, render_template, request

bp = Blueprint("community", __name__, template_folder="templates")


@bp.get("/")
def home():
    return render_template("community/home.html")


@bp.get("/search")
def search():
    query = request.args.get("q", "").strip()[:200]
    return render_template("community/search.html", query=query, results=[])
