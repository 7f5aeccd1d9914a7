"""Imports from other communities: Stack Exchange data dumps (``flask import stackexchange``).

``stackexchange`` reads a dump, ``staging`` spools it so threads can be written whole,
``services`` writes them, ``bodies`` keeps imported HTML safe to show and to edit,
and ``attribution`` is the credit the licence requires on each imported thread's page.
"""

from __future__ import annotations

from flask import Flask


def init_app(app: Flask) -> None:
    from community.importers import attribution, cli

    app.cli.add_command(cli.import_group)
    app.add_template_global(attribution.credit_for, "import_credit")
    app.add_template_global(attribution.post_author_url, "import_author_url")
