"""How values travel on the wire: the encodings real clients use, and the ones attackers add.

Every function returns text as it appears in a request target or an urlencoded body, still encoded.
"""
from urllib.parse import quote, quote_plus

# Browsers (WHATWG URL, form submission) encode all of these in a query value.
FORM_SAFE = "*-._"
# What a hand-written client or curl leaves alone: reserved characters that do not split pairs.
LENIENT_SAFE = "'\"()!*,;:@/$[]{}|^`~<>"
PATH_SAFE = "-._~!$'()*,;=:@+"

BENIGN_STYLES = ("form", "form", "form", "percent", "lenient", "lower_hex")
ATTACK_STYLES = ("form", "form", "percent", "percent", "lenient", "raw", "raw", "lower_hex",
                 "double", "mixed_case_hex", "partial", "unicode_u")


def _lower_hex(text: str) -> str:
    out, i = [], 0
    while i < len(text):
        if text[i] == "%" and len(text) >= i + 3:
            out.append("%" + text[i + 1:i + 3].lower())
            i += 3
        else:
            out.append(text[i])
            i += 1
    return "".join(out)


def _mixed_case_hex(text: str, rng) -> str:
    out, i = [], 0
    while i < len(text):
        if text[i] == "%" and len(text) >= i + 3:
            digits = text[i + 1:i + 3]
            out.append("%" + "".join(c.lower() if rng.random() < 0.5 else c.upper() for c in digits))
            i += 3
        else:
            out.append(text[i])
            i += 1
    return "".join(out)


def _raw(value: str, rng) -> str:
    """Only what would break the request line or the pair structure is encoded."""
    space = rng.choice(("%20", "+"))
    replacements = {" ": space, "&": "%26", "#": "%23", "%": "%25", "+": "%2B", "\r": "%0D", "\n": "%0A",
                    "\t": "%09", "\0": "%00", "=": rng.choice(("=", "%3D"))}
    return "".join(replacements.get(c, c) if ord(c) < 0x80 else quote(c, safe="") for c in value)


def _partial(value: str, rng) -> str:
    """Some characters encoded, some not, as a fuzzer or a person editing a URL by hand leaves them."""
    out = []
    for c in value:
        if c in " &#%+=\r\n\t\0" or ord(c) >= 0x80:
            out.append(quote(c, safe="") if c != " " else rng.choice(("%20", "+")))
        elif not c.isalnum() and rng.random() < 0.5:
            out.append("%{:02X}".format(ord(c)))
        elif c.isalpha() and rng.random() < 0.08:
            out.append("%{:02X}".format(ord(c)))
        else:
            out.append(c)
    return "".join(out)


def _unicode_u(value: str, rng) -> str:
    """IIS-style %uXXXX for the special characters."""
    out = []
    for c in value:
        if c.isalnum() and ord(c) < 0x80:
            out.append(c)
        elif c == " ":
            out.append(rng.choice(("%20", "+", "%u0020")))
        else:
            out.append("%u{:04X}".format(ord(c)) if ord(c) < 0x10000 and rng.random() < 0.7 else quote(c, safe=""))
    return "".join(out)


def value(text: str, style: str, rng) -> str:
    """Encodes one query or form value (or name)."""
    if style == "form":
        return quote_plus(text, safe=FORM_SAFE)
    if style == "percent":
        return quote(text, safe=FORM_SAFE)
    if style == "lenient":
        encoded = quote(text, safe=LENIENT_SAFE)
        return encoded.replace("%20", "+") if rng.random() < 0.5 else encoded
    if style == "lower_hex":
        return _lower_hex(quote_plus(text, safe=FORM_SAFE))
    if style == "raw":
        return _raw(text, rng)
    if style == "double":
        once = quote(text, safe=FORM_SAFE)
        return once.replace("%", "%25")
    if style == "mixed_case_hex":
        return _mixed_case_hex(quote(text, safe=FORM_SAFE), rng)
    if style == "partial":
        return _partial(text, rng)
    if style == "unicode_u":
        return _unicode_u(text, rng)
    raise ValueError(f"unknown encoding style {style!r}")


def pairs(items, style: str, rng) -> str:
    """name=value&... with one style for the whole request (names are always plain)."""
    return "&".join(f"{quote_plus(name, safe='[]')}={value(text, style, rng)}" if text is not None
                    else quote_plus(name, safe="[]") for name, text in items)


def path_segment(text: str, style: str, rng) -> str:
    if style in ("raw",):
        return "".join(c if c not in " ?#%\r\n\t\0" and ord(c) < 0x80 else quote(c, safe="") for c in text)
    if style == "double":
        return quote(text, safe="-._~").replace("%", "%25")
    if style == "mixed_case_hex":
        return _mixed_case_hex(quote(text, safe="-._~"), rng)
    if style == "lower_hex":
        return _lower_hex(quote(text, safe=PATH_SAFE))
    if style == "unicode_u":
        return _unicode_u(text, rng).replace("+", "%20")
    if style == "partial":
        return _partial(text, rng).replace("+", "%20")
    return quote(text, safe=PATH_SAFE)
