"""Links other packages add under each post of a thread page ("Flag", "Moderate").

A thread page with 100 posts must not ask 100 times who may do what, so each tool names a
permission checked once per page, and its URL is built once per page around a stand-in id
that the template replaces with each post's (``url_for(endpoint, post_id=...)``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from flask import Flask, current_app, url_for

from app.permissions import can

STAND_IN = 4_611_686_018_427_387_904  # 2**62: no real post id, so safe to split on


@dataclass(frozen=True)
class PostTool:
    label: Callable[[], str]  # called per page, so it follows the page's language
    endpoint: str  # a view taking ``post_id``
    permission: str  # checked once per page, for the viewer
    others_only: bool = True  # not on the viewer's own posts
    # Only under posts imported from there (their external id starts with it, "x:").
    external_prefix: str | None = None


@dataclass(frozen=True)
class PageTool:
    label: str
    before: str  # the URL up to the post id
    after: str  # the URL after it
    others_only: bool
    external_prefix: str | None = None


def add_post_tool(app: Flask, tool: PostTool) -> None:
    app.extensions.setdefault("community_post_tools", []).append(tool)


def for_viewer(viewer) -> list[PageTool]:
    tools = []
    for tool in current_app.extensions.get("community_post_tools", []):
        if can(viewer, tool.permission):
            before, _stand_in, after = url_for(tool.endpoint, post_id=STAND_IN).partition(
                str(STAND_IN))
            tools.append(PageTool(tool.label(), before, after, tool.others_only,
                                  tool.external_prefix))
    return tools
