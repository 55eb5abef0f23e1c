"""Stage 1, decode: whatever arrives (bytes, HTML, mojibake) becomes clean text.

Bytes are decoded by their byte-order mark, as UTF-8 when they are valid
UTF-8, and otherwise by ``charset-normalizer``'s best guess (UTF-16 without a
mark, Windows-1252 and the like); bytes that are no text at all are refused.
HTML is reduced to its text with the script, style and head content dropped.
Control characters, terminal escapes, bidi overrides, zero-width characters
and private-use glyphs go; mojibake (UTF-8 read as Latin-1) is repaired.
"""

from __future__ import annotations

import codecs
import html
import re
from html.parser import HTMLParser

import charset_normalizer

from .model import Draft, Notes

#: The largest release the command and the admin accept, in bytes of UTF-8.
MAX_TEXT_BYTES = 128 * 1024


class TextTooLarge(ValueError):
    """The text is larger than :data:`MAX_TEXT_BYTES`."""

    def __init__(self, size: int) -> None:
        super().__init__(too_large_message(size))
        self.size = size


def too_large_message(size: int) -> str:
    return (
        f"The text is {size / 1024:,.0f} KB; a release can be at most "
        f"{MAX_TEXT_BYTES // 1024} KB of text. Split it or remove what is not the release."
    )


def check_size(data: str | bytes) -> None:
    """Raise :class:`TextTooLarge` when ``data`` is over the limit."""
    size = (
        len(data) if isinstance(data, bytes | bytearray) else len(data.encode("utf-8", "replace"))
    )
    if size > MAX_TEXT_BYTES:
        raise TextTooLarge(size)


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Above this share of noise, charset-normalizer's best guess is still no text.
_MAX_CHAOS = 0.25


def decode_bytes(data: bytes) -> str | None:
    """The text in ``data``, or None when the bytes are no text in any encoding."""
    text = _decode(data)
    if text is None or _mostly_controls(text):
        return None
    return text


def _mostly_controls(text: str) -> bool:
    sample = text[:8192]
    controls = sum(1 for c in sample if c < " " and c not in "\n\r\t\f")
    return controls > len(sample) * 0.1


def _decode(data: bytes) -> str | None:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace")
    utf16 = _utf16_without_bom(data)
    if utf16:
        return data.decode(utf16, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    best = charset_normalizer.from_bytes(data).best()
    if best is None or best.chaos > _MAX_CHAOS:
        return None
    return str(best)


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 of mostly Latin text has a NUL in every other byte; which ones tells the order."""
    sample = data[:4096]
    half = len(sample) // 2
    if half < 2 or sample.count(0) < half // 2:
        return None
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    if odd >= half * 0.4 and even <= half * 0.05:
        return "utf-16-le"
    if even >= half * 0.4 and odd <= half * 0.05:
        return "utf-16-be"
    return None


class _TextOfHTML(HTMLParser):
    """The readable text of an HTML page: one line per block, no script or style."""

    SKIP = frozenset({"script", "style", "head", "template", "noscript", "svg", "iframe"})
    BLOCK = frozenset(
        {
            "p", "div", "br", "li", "ul", "ol", "tr", "table", "section", "article", "header",
            "footer", "aside", "blockquote", "figure", "figcaption", "h1", "h2", "h3", "h4",
            "h5", "h6", "hr", "dd", "dt", "pre", "main", "nav", "title",
        }
    )  # fmt: skip

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag, attrs):
        if tag in self.SKIP:
            self.skipping += 1
        elif tag in self.BLOCK:
            self.parts.append("\n\n" if tag == "p" else "\n")

    def handle_startendtag(self, tag, attrs):
        if tag in self.BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in self.SKIP:
            self.skipping = max(0, self.skipping - 1)
        elif tag in self.BLOCK:
            self.parts.append("\n\n" if tag in {"p", "title"} else "\n")

    def handle_data(self, data):
        if not self.skipping:
            self.parts.append(data)


_HTML_HINT = re.compile(
    r"<(?:!doctype|html|body|head|p|div|br|span|a|script|style|h[1-6]|li|ul|table|section"
    r"|article|strong|em|b|i|meta|link)\b[^<>]{0,500}>",
    re.IGNORECASE,
)


def html_to_text(text: str) -> str:
    parser = _TextOfHTML()
    parser.feed(text)
    parser.close()
    return "".join(parser.parts)


_MOJIBAKE_RUN = re.compile(r"(?:[\u00c2-\u00f4][\u0080-\u00bf]+)+")
_PUA_BULLETS = re.compile(r"[\uf0a7\uf0b7\uf0d8\uf0fc\uf076\uf0a8\uf09f]")
_PUA = re.compile(r"[\ue000-\uf8ff]")
# ESC sequences (colours, cursor moves, window titles) and lone ESC characters.
_TERMINAL = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]{0,200}(?:\x07|\x1b\\)?|.?)")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_C1 = re.compile(r"[\x80-\x9f]")
_FORMAT = re.compile(r"[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\u00ad]")
_ODD_SPACE = re.compile(r"[\t\u00a0\u2000-\u200a\u202f\u205f\u3000\u2028\u2029]")
_ENTITY = re.compile(r"&(?:#\d{1,7}|#x[0-9a-fA-F]{1,6}|[A-Za-z]{2,10});")


def _repair_mojibake(text: str) -> str:
    """Undo UTF-8 text that was decoded as Latin-1, once or twice over."""

    def fix(match: re.Match[str]) -> str:
        chunk = match.group(0)
        for _ in range(3):
            try:
                repaired = chunk.encode("latin-1").decode("utf-8")
            except UnicodeError:
                break
            if repaired == chunk:
                break
            chunk = repaired
        return chunk

    return _MOJIBAKE_RUN.sub(fix, text)


def _windows_1252(match: re.Match[str]) -> str:
    # C1 controls are Windows-1252 punctuation read as Latin-1: 0x93 is “.
    try:
        return match.group(0).encode("latin-1").decode("cp1252")
    except UnicodeError:
        return " "


def clean_text(text: str) -> str:
    """Plain text with one kind of newline and nothing invisible or unprintable."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if text.count("\x00") * 3 > len(text):
        text = text.replace("\x00", "")  # UTF-16 read one byte a character
    text = _TERMINAL.sub("", text)
    if _HTML_HINT.search(text):
        text = html_to_text(text)
    elif _ENTITY.search(text):
        text = html.unescape(text)
    text = _repair_mojibake(text)
    text = _C1.sub(_windows_1252, text)
    text = _PUA_BULLETS.sub("•", text)
    text = _PUA.sub("", text)
    text = _FORMAT.sub("", text)
    text = _CONTROL.sub(" ", text.replace("\x00", ""))
    return _ODD_SPACE.sub(" ", text)


def coerce_text(value, notes: Notes) -> str:
    if value is None:
        return ""
    if isinstance(value, bytes | bytearray):
        decoded = decode_bytes(bytes(value))
        if decoded is None:
            notes.unplace("the bytes given are not text in any known encoding; nothing imported")
            return ""
        return decoded
    if not isinstance(value, str):
        notes.unplace(f"text of type {type(value).__name__} was converted to a string")
        return str(value)
    return value


def run(draft: Draft, notes: Notes, raw) -> None:
    text = coerce_text(raw, notes)
    try:
        check_size(text)
    except TextTooLarge as exc:
        notes.unplace(str(exc))
        text = ""
    text = clean_text(text)
    if "\ufffd" in text:
        notes.unplace(f"{text.count(chr(0xFFFD))} undecodable character(s) removed")
        text = text.replace("\ufffd", "")
    draft.text = text
