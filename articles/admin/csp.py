"""Content-Security-Policy additions the admin's pages need, by hash, never unsafe-inline."""

import base64
import hashlib
import re

# The hash of the <style> that django-prose-editor 0.28's bundled editor
# injects; the admin browser test fails if an upgrade changes it.
EDITOR_STYLE_HASH = "'sha256-PlumsSlvJ7vvWzjqibGAYKq92O3y/4JTxWWsWJvyUYA='"


def _sha256_source(text: str) -> str:
    return f"'sha256-{base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()}'"


def inline_script_hashes(html: str) -> list[str]:
    pattern = r"<script type=\"importmap\"[^>]*>(.*?)</script>"
    return [_sha256_source(body) for body in re.findall(pattern, html, re.S)]
