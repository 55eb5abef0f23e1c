"""
``EMAIL_URL`` as Django's e-mail settings, for ``newsroom.settings`` (no
Django imports: it runs while settings load).

- ``smtp://user:password@host:587/?tls=1`` (STARTTLS), ``smtps://…:465``
  (TLS from the start), ``smtp://host:25`` (plain, e.g. a local relay);
- ``console://`` (messages printed, as in the demo), ``locmem://``,
  ``dummy://`` (dropped).

User name and password are URL-encoded (``%40`` for ``@``).
"""

from __future__ import annotations

from urllib.parse import parse_qs, unquote, urlsplit

BACKENDS = {
    "smtp": "django.core.mail.backends.smtp.EmailBackend",
    "smtps": "django.core.mail.backends.smtp.EmailBackend",
    "console": "django.core.mail.backends.console.EmailBackend",
    "locmem": "django.core.mail.backends.locmem.EmailBackend",
    "dummy": "django.core.mail.backends.dummy.EmailBackend",
}

TRUE = {"1", "true", "yes", "on"}


def parse_email_url(url: str) -> dict:
    """The ``EMAIL_*`` settings an ``EMAIL_URL`` stands for."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme not in BACKENDS:
        raise ValueError(f"EMAIL_URL: unknown scheme {scheme!r} (use one of {', '.join(BACKENDS)})")
    config = {"EMAIL_BACKEND": BACKENDS[scheme]}
    if scheme not in ("smtp", "smtps"):
        return config
    query = {name: values[-1] for name, values in parse_qs(parts.query).items()}
    use_ssl = scheme == "smtps" or query.get("ssl", "").lower() in TRUE
    config.update(
        EMAIL_HOST=parts.hostname or "localhost",
        EMAIL_PORT=parts.port or (465 if use_ssl else 25),
        EMAIL_HOST_USER=unquote(parts.username or ""),
        EMAIL_HOST_PASSWORD=unquote(parts.password or ""),
        EMAIL_USE_SSL=use_ssl,
        EMAIL_USE_TLS=not use_ssl and query.get("tls", "").lower() in TRUE,
    )
    if "timeout" in query:
        config["EMAIL_TIMEOUT"] = float(query["timeout"])
    return config
