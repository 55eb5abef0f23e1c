"""Read a rendered HTML form back into POST data, the way a browser submits it."""

from html.parser import HTMLParser


class _FormParser(HTMLParser):
    def __init__(self, form_id: str | None):
        super().__init__(convert_charrefs=True)
        self.form_id = form_id
        self.in_form = form_id is None
        self.data: dict[str, list[str]] = {}
        self._textarea: str | None = None
        self._select: str | None = None
        self._select_default: str | None = None
        self._selected = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form" and self.form_id and a.get("id") == self.form_id:
            self.in_form = True
        if not self.in_form or "name" not in a and tag != "option":
            return
        if tag == "input":
            kind = a.get("type", "text")
            if kind in ("submit", "button", "file", "image", "reset"):
                return
            if kind in ("checkbox", "radio") and "checked" not in a:
                return
            default = "on" if kind in ("checkbox", "radio") else ""
            self.data.setdefault(a["name"], []).append(a.get("value", default))
        elif tag == "textarea":
            self._textarea = a["name"]
            self.data.setdefault(a["name"], []).append("")
        elif tag == "select":
            self._select, self._select_default, self._selected = a["name"], None, False
        elif tag == "option" and self._select:
            value = a.get("value", "")
            if self._select_default is None:
                self._select_default = value
            if "selected" in a:
                self.data.setdefault(self._select, []).append(value)
                self._selected = True

    def handle_data(self, data):
        if self._textarea:
            self.data[self._textarea][-1] += data

    def handle_endtag(self, tag):
        if tag == "textarea" and self._textarea:
            # Browsers drop the newline that follows <textarea>.
            value = self.data[self._textarea][-1]
            self.data[self._textarea][-1] = value[1:] if value.startswith("\n") else value
            self._textarea = None
        elif tag == "select" and self._select:
            if not self._selected and self._select_default is not None:
                self.data.setdefault(self._select, []).append(self._select_default)
            self._select = None
        elif tag == "form" and self.form_id and self.in_form:
            self.in_form = False


def form_data(html: str, form_id: str | None = None) -> dict:
    parser = _FormParser(form_id)
    parser.feed(html)
    return {k: v if len(v) > 1 else v[0] for k, v in parser.data.items()}
