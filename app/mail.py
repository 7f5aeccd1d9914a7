"""Outgoing e-mail: the one place that speaks SMTP.

``MAIL_BACKEND = "smtp"`` sends through ``MAIL_SERVER``; ``"log"`` (the development
default) writes the whole message to the application log instead, so a developer can
follow a password-reset link without a mail server.
"""

from __future__ import annotations

import smtplib
import ssl
from datetime import UTC, datetime
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid

from flask import current_app


def build(to: str, subject: str, text: str, html: str | None = None,
          headers: dict[str, str] | None = None) -> EmailMessage:
    """The message; a header value holding a line break (which would start a header of its
    own, e.g. ``Bcc:``) is refused with ``MailError``, never sent."""
    config = current_app.config
    for name, value in {"To": to, "Subject": subject, **(headers or {})}.items():
        if "\r" in value or "\n" in value:
            raise MailError(f"the {name} header holds a line break: not sent")
    message = EmailMessage()
    message["From"] = config["MAIL_DEFAULT_SENDER"]
    message["To"] = to
    message["Subject"] = subject
    message["Date"] = format_datetime(datetime.now(UTC))  # RFC 5322, with its +0000 offset
    message["Message-ID"] = make_msgid(domain="peerdesk")
    for name, value in (headers or {}).items():
        message[name] = value
    message.set_content(text)
    if html:
        message.add_alternative(html, subtype="html")
    return message


class MailError(Exception):
    """This message could not be handed to the SMTP server (refused, or malformed)."""


class MailUnavailable(MailError):
    """The SMTP server could not be reached, or asked to try later (a 4xx answer): no
    message's fault, so jobs stop and try again on their next run."""


def send(to: str, subject: str, text: str, html: str | None = None,
         headers: dict[str, str] | None = None) -> EmailMessage:
    """Send one message; raise ``MailError`` if the SMTP server cannot take it."""
    message = build(to, subject, text, html, headers)
    if current_app.config["MAIL_BACKEND"] == "log":
        current_app.logger.info("E-mail (not sent, MAIL_BACKEND=log):\n%s", message)
        return message
    try:
        _send_smtp(message)
    except (OSError, smtplib.SMTPException) as error:
        kind = MailUnavailable if _temporary(error) else MailError
        raise kind(f"could not send e-mail to {to}: {error}") from error
    return message


def _temporary(error: Exception) -> bool:
    """Refusals with a 5xx code are about this message (an unknown mailbox); the rest (no
    connection, a timeout, 4xx "try later", bad credentials) are about the server."""
    if isinstance(error, smtplib.SMTPAuthenticationError):
        return True
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        return any(code < 500 for code, _text in error.recipients.values())
    if isinstance(error, smtplib.SMTPResponseException):
        return error.smtp_code < 500
    return True


def _send_smtp(message: EmailMessage) -> None:
    config = current_app.config
    with smtplib.SMTP(
        config["MAIL_SERVER"], config["MAIL_PORT"], timeout=config["MAIL_TIMEOUT"]
    ) as smtp:
        if config["MAIL_USE_TLS"]:
            smtp.starttls(context=ssl.create_default_context())
        if config["MAIL_USERNAME"]:
            smtp.login(config["MAIL_USERNAME"], config["MAIL_PASSWORD"] or "")
        smtp.send_message(message)
