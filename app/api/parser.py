"""Reading API requests: webargs' Flask parser, hardened against bodies that are JSON but
not data Peerdesk can store.

Python's ``json`` module recurses once per level of nesting, so a body nested a few
thousand deep raised ``RecursionError``; ``"\\ud800"`` decodes to a lone surrogate, which
no database can encode; ``"\\u0000"`` to a NUL, which PostgreSQL refuses. All three ended
in a 500. Here the first is a 400 (the body cannot be read) and the others a 422 that
names each field holding such a string, before any schema or service sees the data.
"""

from __future__ import annotations

from typing import Any

import marshmallow as ma
from webargs.flaskparser import FlaskParser, abort

NUL = "\x00"


class Parser(FlaskParser):
    def _raw_load_json(self, req) -> Any:
        try:
            data = super()._raw_load_json(req)
        except RecursionError:
            abort(400, messages={"json": ["The JSON body is nested too deeply to read."]})
        problems = unstorable_strings(data)
        if problems:
            raise ma.ValidationError(problems)
        return data


def unstorable_strings(data: Any) -> dict:
    """Messages by field (nested as marshmallow nests them) for every string, key or value,
    holding a NUL or a lone surrogate."""
    problems: dict = {}
    if isinstance(data, dict):
        items = data.items()
    elif isinstance(data, list):
        items = enumerate(data)
    else:
        return problems
    for key, value in items:
        message = _problem(key) if isinstance(key, str) else None
        message = message or (_problem(value) if isinstance(value, str) else None)
        if message:
            problems[key] = [message]
        elif isinstance(value, dict | list) and (nested := unstorable_strings(value)):
            problems[key] = nested
    return problems


def _problem(text: str) -> str | None:
    if NUL in text:
        return "Text may not contain NUL characters (U+0000)."
    if any("\ud800" <= char <= "\udfff" for char in text):
        return "Text is not valid Unicode: it holds a lone surrogate (\\ud800-\\udfff)."
    return None
