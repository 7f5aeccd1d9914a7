"""Account pages: register, sign in and out, password reset, profile, settings, admin."""

from __future__ import annotations

from flask import (
    Blueprint,
    abort,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_login import current_user, login_required, login_user, logout_user
from sqlalchemy import func, select
from werkzeug.exceptions import TooManyRequests

from app.accounts import services
from app.accounts.attempts import TooManyAttempts
from app.accounts.forms import (
    ChangePasswordForm,
    ForgotPasswordForm,
    LocaleForm,
    RegisterForm,
    ResetPasswordForm,
    RoleForm,
    SignInForm,
    role_label,
)
from app.accounts.models import Role, User
from app.extensions import db, limiter
from app.layout import staff_sections
from app.permissions import require
from app.web import attach_error, form_submitted, home_url, page_number, safe_next_url

bp = Blueprint("accounts", __name__, template_folder="templates")


@bp.route("/register", methods=["GET", "POST"])
@limiter.limit(lambda: current_app.config["RATELIMIT_REGISTER_PER_IP"], methods=["POST"])
def register():
    if current_user.is_authenticated:
        return redirect(home_url())
    form = RegisterForm()
    if form.validate_on_submit():
        try:
            user = services.register(form.username.data, form.email.data, form.password.data,
                                     locale=str(get_locale()))
        except services.AccountError as error:
            attach_error(form, error)
        else:
            login_user(user)
            flash(_("Welcome to the community, %(name)s!", name=user.username), "success")
            return redirect(safe_next_url(request.args.get("next")))
    return render_template("accounts/register.html", form=form)


@bp.route("/sign-in", methods=["GET", "POST"])
@limiter.limit(lambda: current_app.config["RATELIMIT_SIGNIN_PER_IP"], methods=["POST"])
def sign_in():
    if current_user.is_authenticated:
        return redirect(home_url())
    form = SignInForm()
    if form.validate_on_submit():
        try:
            user = services.authenticate(form.login.data, form.password.data)
        except TooManyAttempts as error:
            raise TooManyRequests(retry_after=error.retry_after) from error
        except services.AccountInactive as error:
            form.form_errors.append(error.message)
            return render_template("accounts/sign_in.html", form=form), 403
        if user is not None:
            locale = session.get("locale")
            session.clear()  # a fresh session for a fresh identity...
            if locale:
                session["locale"] = locale  # ...in the language the visitor chose
            login_user(user, remember=form.remember.data)
            services.touch_last_seen(user)
            flash(_("Signed in. Welcome back, %(name)s.", name=user.username), "success")
            return redirect(safe_next_url(request.args.get("next")))
        form.password.errors.append(_("Wrong username, e-mail or password."))
    return render_template("accounts/sign_in.html", form=form)


@bp.post("/sign-out")
@login_required
def sign_out():
    logout_user()
    flash(_("You are signed out."), "info")
    return redirect(home_url())


@bp.route("/password/forgot", methods=["GET", "POST"])
@limiter.limit(lambda: current_app.config["RATELIMIT_PASSWORD_RESET_PER_IP"], methods=["POST"])
def forgot_password():
    form = ForgotPasswordForm()
    if form.validate_on_submit():
        services.send_password_reset(form.email.data)
        flash(
            _("If an account uses %(email)s, a reset link is on its way. It works for "
              "%(minutes)d minutes.", email=form.email.data,
              minutes=current_app.config["PASSWORD_RESET_MAX_AGE"] // 60),
            "info",
        )
        return redirect(url_for("accounts.sign_in"))
    return render_template("accounts/forgot_password.html", form=form)


@bp.route("/password/reset/<token>", methods=["GET", "POST"])
def reset_password(token: str):
    try:
        user = services.user_for_reset_token(token)
    except services.AccountError as error:
        flash(error.message, "error")
        return redirect(url_for("accounts.forgot_password"))
    form = ResetPasswordForm()
    if form.validate_on_submit():
        try:
            services.reset_password(token, form.password.data)
        except services.AccountError as error:
            attach_error(form, error)
        else:
            flash(_("Your password is changed. Sign in with the new one."), "success")
            return redirect(url_for("accounts.sign_in"))
    return render_template("accounts/reset_password.html", form=form, user=user)


@bp.get("/u/<username>")
def profile(username: str):
    user = services.find_by_username(username)
    if user is None:
        abort(404)
    return render_template("accounts/profile.html", user=user)


@bp.route("/account/settings", methods=["GET", "POST"])
@login_required
def settings():
    require("users.edit_settings", current_user)
    locale_form = LocaleForm(prefix="settings", locale=current_user.locale or "")
    password_form = ChangePasswordForm(prefix="password")
    if form_submitted(locale_form) and locale_form.validate_on_submit():
        services.update_settings(current_user, locale=locale_form.locale.data)
        session.pop("locale", None)  # the saved setting applies from now on
        flash(_("Your settings are saved."), "success")
        return redirect(url_for("accounts.settings"))
    if form_submitted(password_form) and password_form.validate_on_submit():
        try:
            services.change_password(
                current_user, password_form.current_password.data, password_form.password.data
            )
        except services.AccountError as error:
            attach_error(password_form, error)
        else:
            # The password change renewed the session nonce: re-issue *this* session's id
            # (and its remember-me cookie, if it had one).
            remembered = current_app.config["REMEMBER_COOKIE_NAME"] in request.cookies
            login_user(current_user._get_current_object(), remember=remembered)
            flash(_("Your password is changed. Other devices were signed out."), "success")
            return redirect(url_for("accounts.settings"))
    return render_template(
        "accounts/settings.html", locale_form=locale_form, password_form=password_form
    )


@bp.get("/language/<code>")
def choose_language(code: str):
    """The footer's language links. A GET that only changes this browser's session, so
    pages carry no form (and no session cookie) just for the language switch."""
    if code not in current_app.config["LANGUAGES"]:
        abort(404)
    session["locale"] = code
    return redirect(safe_next_url(request.args.get("next")))


@bp.get("/admin")
@login_required
def staff_home():
    """Every staff tool the viewer may use, by section: the page the staff menu's last
    link and the README's "Admin" lead to."""
    sections = staff_sections()
    if not sections:
        abort(403)
    return render_template("accounts/staff_home.html", sections=sections)


@bp.get("/admin/users")
@login_required
def admin_users():
    require("users.list")
    query = request.args.get("q", "").strip()
    statement = select(User).order_by(func.lower(User.username))
    if query:
        statement = statement.where(func.lower(User.username).contains(query.lower()))
    page = db.paginate(statement, page=page_number(), per_page=50, max_per_page=100)
    forms = {user.id: RoleForm(prefix=f"user-{user.id}", role=user.role.value)
             for user in page.items}
    return render_template("accounts/admin_users.html", page=page, forms=forms, query=query)


@bp.post("/admin/users/<id:user_id>/role")
@login_required
def admin_change_role(user_id: int):
    user = db.get_or_404(User, user_id)
    require("users.change_role", user)
    form = RoleForm(prefix=f"user-{user.id}")
    if not form.validate_on_submit():
        flash(_("Choose one of the listed roles."), "error")
        return redirect(url_for("accounts.admin_users"), 303)
    try:
        change = services.change_role(user, Role(form.role.data), changed_by=current_user)
    except services.AccountError as error:
        flash(error.message, "error")
    else:
        flash(_("%(name)s is now %(role)s.", name=user.username,
                role=role_label(change.new_role)), "success")
    return redirect(safe_next_url(request.referrer, url_for("accounts.admin_users")), 303)
