"""Account endpoints of the API: who am I, and (admins) change a user's role."""

from __future__ import annotations

from flask import abort
from flask.views import MethodView

from app.accounts import services
from app.accounts.models import User
from app.api import blueprint
from app.api.auth import current_api_user, token_required
from app.api.docs import authenticated, links
from app.api.schemas import RoleChangeSchema, UserSchema
from app.extensions import db
from app.permissions import require

bp = blueprint("api_users", __name__, description="People and their roles.")


@bp.route("/me")
class Me(MethodView):
    decorators = [token_required]

    @authenticated(bp)
    @links(bp, 200, putUserRole={"user_id": "/id"})
    @bp.response(200, UserSchema)
    def get(self):
        """The user the token belongs to."""
        return current_api_user()


@bp.route("/users/<id:user_id>/role")
class UserRole(MethodView):
    decorators = [token_required]

    @authenticated(bp, 403, 404, 409, 422)
    @bp.arguments(RoleChangeSchema)
    @bp.response(200, UserSchema)
    def put(self, payload, user_id: int):
        """Set a user's role (admins only). The last admin cannot be demoted (409)."""
        user = db.session.get(User, user_id)
        if user is None:
            abort(404, "No user with this id.")
        require("users.change_role", user, user=current_api_user())
        try:
            services.change_role(user, payload["role"], changed_by=current_api_user())
        except services.AccountError as error:
            abort(409, error.message)
        return user
