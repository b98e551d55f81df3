"""A request before encoding: decoded path segments, query pairs and a body, so that benign traffic and
attacks are built from the same shapes and differ only in what one value says.
"""
import json
from dataclasses import dataclass, field
from typing import Optional

from . import encoding

FORM = "application/x-www-form-urlencoded"
FORM_TYPES = (FORM, FORM, FORM, "application/x-www-form-urlencoded; charset=UTF-8")
JSON_TYPES = ("application/json", "application/json", "application/json; charset=utf-8")
XML_TYPES = ("application/xml", "text/xml", "application/soap+xml; charset=utf-8")


@dataclass
class Draft:
    method: str
    segments: list  # decoded path segments; "" as the last one means a trailing slash
    query: list = field(default_factory=list)  # [(name, value or None)]
    form: Optional[list] = None  # urlencoded body pairs
    json_body: object = None  # any JSON value
    text_body: Optional[str] = None  # XML or plain text, sent as is
    # multipart/form-data parts: [{"name", "value", "filename"?, "type"?}]; "value" None = binary content.
    multipart: Optional[list] = None
    # An XML document: (root, [(element, text)], envelope "" | "soap" | "rss"); texts are escaped when rendered.
    xml_doc: Optional[tuple] = None
    content_type: Optional[str] = None
    raw_segments: set = field(default_factory=set)  # indices of segments already encoded
    raw_values: set = field(default_factory=set)  # ("query"|"form", index) of values already encoded
    raw_names: set = field(default_factory=set)  # ("query"|"form", index) of names sent as written
    # Slots ("query"|"form"|"segment", index) encoded in their own style: an attacker edits one value of
    # a request a browser or client made, and encodes only that one as it suits the attack.
    styles: dict = field(default_factory=dict)

    def render(self, style: str, rng, label: int, **extra) -> dict:
        path = "/" + "/".join(s if i in self.raw_segments else encoding.path_segment(s, self.styles.get(("segment", i), style), rng)
                              for i, s in enumerate(self.segments))
        query = self._pairs("query", self.query, style, rng)
        body = ""
        if self.form is not None:
            body = self._pairs("form", self.form, style, rng)
        elif self.json_body is not None:
            body = json.dumps(self.json_body, ensure_ascii=rng.random() < 0.3,
                              separators=(",", ":") if rng.random() < 0.5 else (", ", ": "))
        elif self.text_body is not None:
            body = self.text_body
        elif self.multipart is not None:
            body = self._multipart(rng)
        elif self.xml_doc is not None:
            body = self._xml(rng)
        row = {"method": self.method, "path": path, "query": query,
               "headers": {"Content-Type": self.content_type} if self.content_type else {},
               "body": body, "label": label}
        row.update(extra)
        return row

    def _pairs(self, where: str, items, style: str, rng) -> str:
        parts = []
        for i, (name, value) in enumerate(items):
            name_text = name if (where, i) in self.raw_names else encoding.value(name, "form", rng)
            if value is None:
                parts.append(name_text)
            elif (where, i) in self.raw_values:
                parts.append(f"{name_text}={value}")
            else:
                parts.append(f"{name_text}={encoding.value(value, self.styles.get((where, i), style), rng)}")
        return "&".join(parts)

    def _multipart(self, rng) -> str:
        """As browsers send it: a WebKit-style boundary, CRLF line breaks, binary parts as opaque bytes."""
        boundary = "----WebKitFormBoundary" + "".join(rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789") for _ in range(16))
        self.content_type = f"multipart/form-data; boundary={boundary}"
        lines = []
        for part in self.multipart:
            lines.append("--" + boundary)
            disposition = f'Content-Disposition: form-data; name="{part["name"]}"'
            if part.get("filename") is not None:
                disposition += f'; filename="{part["filename"]}"'
            lines.append(disposition)
            if part.get("type"):
                lines.append(f'Content-Type: {part["type"]}')
            lines.append("")
            value = part["value"]
            lines.append(value if value is not None else "".join(chr(rng.randint(0x21, 0x7e)) for _ in range(rng.randint(20, 80))))
        lines.append("--" + boundary + "--")
        return "\r\n".join(lines) + "\r\n"

    def _xml(self, rng) -> str:
        root, children, envelope = self.xml_doc
        inner = "".join(f"<{name}>{xml_escape(text)}</{name}>" for name, text in children)
        document = f"<{root}>{inner}</{root}>"
        if envelope == "soap":
            document = ('<soap:Envelope xmlns:soap="http://www.w3.org/2003/05/soap-envelope"><soap:Body>'
                        + document + "</soap:Body></soap:Envelope>")
        elif envelope == "rss":
            document = f'<rss version="2.0"><channel>{document}</channel></rss>'
        if rng.random() < 0.7:
            document = '<?xml version="1.0" encoding="UTF-8"?>' + document
        return document

    def value_slots(self) -> list:
        """Every place a payload can replace or extend a value: (kind, key)."""
        slots = [("query", i) for i, (_, v) in enumerate(self.query) if v is not None]
        if self.multipart is not None:
            slots += [("multipart", i) for i, part in enumerate(self.multipart) if part["value"] is not None]
        if self.xml_doc is not None:
            slots += [("xml", i) for i in range(len(self.xml_doc[1]))]
        if self.form is not None:
            slots += [("form", i) for i, (_, v) in enumerate(self.form) if v is not None]
        if isinstance(self.json_body, dict):
            slots += [("json", path) for path in _json_string_paths(self.json_body)]
        return slots

    def path_slots(self) -> list:
        return [i for i, s in enumerate(self.segments) if s]


def xml_escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _json_string_paths(value, prefix=()):
    paths = []
    if isinstance(value, dict):
        for key, item in value.items():
            paths += _json_string_paths(item, prefix + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            paths += _json_string_paths(item, prefix + (index,))
    elif isinstance(value, (str, int, float)) and not isinstance(value, bool):
        paths.append(prefix)
    return paths


def json_get(document, path):
    for key in path:
        document = document[key]
    return document


def json_set(document, path, value):
    for key in path[:-1]:
        document = document[key]
    document[path[-1]] = value
