"""Imports from other communities: Stack Exchange data dumps (``flask import stackexchange``).

``stackexchange`` reads a dump, ``staging`` spools it so threads can be written whole,
``services`` writes them, ``bodies`` keeps imported HTML safe to show and to edit,
``site_links`` points links between imported posts at their local copies, and
``attribution`` is the credit the licence requires on imported threads, posts and the
articles made from them.
"""

from __future__ import annotations

from flask import Flask


def init_app(app: Flask) -> None:
    from community.importers import attribution, cli

    app.cli.add_command(cli.import_group)
    app.add_template_global(attribution.credit_for, "import_credit")
    app.add_template_global(attribution.post_author_url, "import_author_url")
    app.add_template_global(attribution.licence_url, "import_licence_url")
    app.add_template_global(attribution.thread_credit, "import_thread_credit")
