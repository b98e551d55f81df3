"""Benign traffic of many kinds of web applications and APIs, as Drafts (see draft.py).

Each kind draws its words from one vocabulary half and its path patterns from one half of the
pattern lists below, so the TRAIN and EVAL files share no words and no path templates.
"""
import copy

from .benign_network import BenignNetwork
from .benign_short_values import BenignShortValues
from .benign_technical import BenignTechnical
from .draft import Draft, FORM_TYPES, JSON_TYPES, XML_TYPES

# Path templates for resource reads; {p} is an API prefix (may be empty), {r}/{s} resources.
READ_PATTERNS = [
    "{p}/{r}", "{p}/{r}/{id}", "{p}/{r}/{uuid}", "/{r}/{slug}", "{p}/{r}/{id}/{s}", "{p}/{r}/{uuid}/{s}/{id}",
    "/{lang}/{r}/{slug}", "{p}/{r}/{slug}/{s}", "/{r}/{id}/{slug}", "{p}/{r}/{id}/{s}/{uuid}", "/{r}/{year}/{month}/{slug}",
    "{p}/{r}/by-{f}/{slug}", "/{r}/{slug}-{id}", "{p}/{r}/{id}.json", "/{r}/{id}/edit", "/{r}/new",
    "{p}/{r}/{id}/{s}/{id2}", "/u/{user}", "/@{user}/{slug}", "/{r}/{hex}", "{p}/{r}/count", "{p}/{r}/{id}/history",
]

WRITE_PATTERNS = [
    "{p}/{r}", "{p}/{r}/{id}", "{p}/{r}/{uuid}", "{p}/{r}/{id}/{s}", "{p}/{r}/{uuid}/{s}",
    "{p}/{r}/{id}/actions/{verb}", "{p}/{r}/bulk", "{p}/{r}/{id}/{s}/{id2}", "{p}/{r}/{slug}", "{p}/{r}/batch",
]

PAGE_PATTERNS = [
    "/", "/{page}", "/{page}/", "/{lang}/{page}", "/{page}.html", "/{page}/{page2}", "/{lang}/", "/index.html",
    "/{page}.php", "/{page}.aspx", "/{page}/{slug}", "/{lang}/{page}/{slug}",
]

STATIC_PATTERNS = [
    "/{dir}/{stem}.{ext}", "/{dir}/{stem}.{hash}.{ext}", "/{dir}/{dir2}/{stem}.{ext}", "/{dir}/{stem}-{n}.{ext}",
    "/{dir}/{n}/{stem}.{ext}", "/{dir}/{stem}.min.{ext}", "/{dir}/{hash}/{stem}.{ext}", "/{dir}/v{n}/{stem}.{ext}",
]

WELL_KNOWN = [
    "/favicon.ico", "/robots.txt", "/sitemap.xml", "/manifest.json", "/apple-touch-icon.png",
    "/.well-known/security.txt", "/.well-known/openid-configuration", "/humans.txt", "/ads.txt",
    "/service-worker.js", "/.well-known/apple-app-site-association", "/browserconfig.xml", "/sitemap_index.xml",
    "/.well-known/assetlinks.json", "/health", "/healthz", "/api/health", "/status.json", "/ping", "/version",
]

FORM_KINDS = ["register", "contact", "checkout", "comment", "newsletter", "settings", "address", "support", "booking", "review"]
FORM_ENDPOINTS = [
    "/{kind}", "/{kind}/submit", "/account/{kind}", "/forms/{kind}", "/{lang}/{kind}", "{p}/{kind}",
    "/{kind}.php", "/{kind}/save", "/api/forms/{kind}", "/{kind}/new",
]
LOGIN_ENDPOINTS = [
    "/login", "/signin", "/account/login", "/auth/login", "/user/login", "/session", "/api/auth/token",
    "/wp-login.php", "/users/sign_in", "/oauth/token", "/api/v1/login", "/admin/login", "/login.php", "/auth",
]
LOGIN_USER_FIELDS = ["username", "user", "login", "email", "user_name", "loginId", "uname", "account"]
LOGIN_PASSWORD_FIELDS = ["password", "pass", "pwd", "passwd", "user_password", "secret", "pin", "passcode"]

XML_ROOTS = ["order", "invoice", "customer", "request", "product", "shipment", "payment", "booking", "message", "report"]
XML_FIELDS = ["id", "name", "quantity", "price", "city", "status", "note", "date", "reference", "email", "total", "sku"]

UPLOAD_ENDPOINTS = ["/upload", "/files/upload", "{p}/attachments", "{p}/media", "/profile/avatar", "{p}/documents",
                    "/import", "{p}/uploads", "/admin/media/new", "{p}/files", "/tickets/attach", "/gallery/add"]
UPLOAD_TEXT_FIELDS = ["title", "description", "caption", "folder", "alt", "comment", "album", "tags", "note", "category"]
UPLOAD_FILE_FIELDS = ["file", "upload", "attachment", "avatar", "image", "document", "files[]", "media", "photo", "csv"]
BINARY_TYPES = ["image/png", "image/jpeg", "application/pdf", "application/zip", "application/octet-stream",
                "image/webp", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "image/gif"]
FEED_ROOTS = ["item", "entry", "post", "article", "story", "episode"]

RICH_TEXT_TAGS = ["p", "strong", "em", "ul", "li", "h2", "h3", "blockquote", "code", "br", "b", "i", "span"]


def rng_text(val) -> bool:
    return val.rng.random() < 0.6


def _pattern_values(val):
    v, rng = val.v, val.rng
    prefix = rng.choice(v.api_prefixes + [""])
    return {
        "p": prefix, "r": val.pick(v.resources), "s": val.pick(v.resources), "id": val.number(1, 999999),
        "id2": val.number(1, 9999), "uuid": val.uuid(), "slug": val.slug(), "lang": val.pick(v.languages),
        "year": str(rng.randint(2010, 2026)), "month": f"{rng.randint(1, 12):02d}", "f": val.pick(v.filter_params),
        "user": val.username(), "hex": val.hex_token(), "verb": val.pick(v.verbs), "page": val.pick(v.pages),
        "page2": val.pick(v.pages), "dir": val.pick(v.static_dirs), "dir2": val.pick(v.static_dirs),
        "stem": val.pick(v.static_stems), "ext": val.pick(v.static_extensions), "hash": val.hex_token(8),
        "n": val.number(1, 40),
    }


def _segments(path: str) -> list:
    parts = path.split("/")[1:]
    return parts if parts else [""]


def _path(val, patterns) -> list:
    return _segments(val.pick(patterns).format(**_pattern_values(val)))


class Benign:
    """One builder per kind of request; `KINDS` weights how often each appears."""

    def __init__(self, pools, vocabulary):
        half = pools.half
        self.read_patterns = half("read_patterns", READ_PATTERNS)
        self.write_patterns = half("write_patterns", WRITE_PATTERNS)
        self.page_patterns = half("page_patterns", PAGE_PATTERNS)
        self.static_patterns = half("static_patterns", STATIC_PATTERNS)
        self.well_known = half("well_known", WELL_KNOWN)
        self.form_kinds = half("form_kinds", FORM_KINDS)
        self.form_endpoints = half("form_endpoints", FORM_ENDPOINTS)
        self.login_endpoints = half("login_endpoints", LOGIN_ENDPOINTS)
        self.login_user_fields = half("login_user_fields", LOGIN_USER_FIELDS)
        self.login_password_fields = half("login_password_fields", LOGIN_PASSWORD_FIELDS)
        self.xml_roots = half("xml_roots", XML_ROOTS)
        self.xml_fields = half("xml_fields", XML_FIELDS)
        self.rich_text_tags = half("rich_text_tags", RICH_TEXT_TAGS)
        self.upload_endpoints = half("upload_endpoints", UPLOAD_ENDPOINTS)
        self.upload_text_fields = half("upload_text_fields", UPLOAD_TEXT_FIELDS)
        self.upload_file_fields = half("upload_file_fields", UPLOAD_FILE_FIELDS)
        self.binary_types = half("binary_types", BINARY_TYPES)
        self.feed_roots = half("feed_roots", FEED_ROOTS)
        self.v = vocabulary
        # (name, weight, builder); weights are rough shares of a typical site's traffic.
        self.kinds = [
            ("page", 10, self.page), ("static", 10, self.static), ("well_known", 3, self.well_known_file),
            ("rest_read", 14, self.rest_read), ("rest_write", 9, self.rest_write), ("search", 12, self.search),
            ("listing", 10, self.listing), ("tracking", 5, self.tracking), ("login", 6, self.login),
            ("form", 8, self.form), ("redirect", 4, self.redirect), ("url_value", 3, self.url_value),
            ("file", 4, self.file), ("long_text", 4, self.long_text), ("graphql", 3, self.graphql),
            ("xml", 2, self.xml), ("rich_text", 2, self.rich_text), ("odata", 1, self.odata),
            ("token", 3, self.token), ("upload", 3, self.upload),
        ]
        # Text whose symbols attacks also use (paths, regexes, maths, names, secrets, GraphQL, scripts, URLs).
        self.technical = BenignTechnical(pools, vocabulary)
        self.kinds += self.technical.kinds()
        # Network administration consoles: addresses, netmasks, CIDR ranges, ports and host names as values.
        self.network = BenignNetwork(pools, vocabulary)
        self.kinds += self.network.kinds()
        # Short API and login-flow values with a symbol (`next=/`, `fields=*`, `format=xml`, a lone e-mail).
        self.short_values = BenignShortValues(pools, vocabulary)
        self.kinds += self.short_values.kinds()

    # -- pages and files ---------------------------------------------------------------------
    def page(self, val):
        draft = Draft("GET", _path(val, self.page_patterns))
        if val.rng.random() < 0.2:
            draft.query = [(val.pick(self.v.filter_params), val.slug(1))]
        return draft

    def static(self, val):
        draft = Draft("GET", _path(val, self.static_patterns))
        if val.rng.random() < 0.25:
            draft.query = [(val.rng.choice(["v", "ver", "version", "t", "h", "cb"]), val.rng.choice([val.number(), val.hex_token(8)]))]
        return draft

    def well_known_file(self, val):
        return Draft("GET", _segments(val.pick(self.well_known)))

    # -- REST ----------------------------------------------------------------------------------
    def rest_read(self, val):
        draft = Draft("GET", _path(val, self.read_patterns))
        rng = val.rng
        if rng.random() < 0.5:
            draft.query = self._paging(val)
        if rng.random() < 0.2:
            draft.query.append((rng.choice(["fields", "include", "expand", "embed"]),
                                ",".join(val.pick(self.v.resources + self.v.filter_params) for _ in range(rng.randint(1, 4)))))
        return draft

    def rest_write(self, val):
        rng = val.rng
        method = rng.choice(["POST", "POST", "PUT", "PATCH", "DELETE"])
        draft = Draft(method, _path(val, self.write_patterns))
        if method == "DELETE":
            return draft
        document = self._record(val)
        if rng.random() < 0.8:
            draft.json_body, draft.content_type = document, rng.choice(JSON_TYPES)
        else:
            draft.form = [(k, str(v)) for k, v in document.items() if not isinstance(v, (dict, list))]
            draft.content_type = rng.choice(FORM_TYPES)
        return draft

    def _record(self, val) -> dict:
        rng, v = val.rng, self.v
        first, last = val.person()
        candidates = {
            "name": val.product_name(), "title": val.search_text(), "description": val.paragraph(rng.randint(1, 3)),
            "email": val.email(), "first_name": first, "last_name": last, "quantity": rng.randint(1, 20),
            "price": float(val.price().replace(",", "")), "currency": val.pick(v.currencies).upper(),
            "status": rng.choice(["active", "draft", "pending", "archived", "published"]),
            "tags": [val.pick(v.adjectives) for _ in range(rng.randint(0, 4))], "due_date": val.date(),
            "address": {"street": f"{rng.randint(1, 300)} {val.pick(v.streets).replace('-', ' ').title()}",
                        "city": val.pick(v.cities).replace("-", " ").title(), "country": val.pick(v.countries).upper(),
                        "postcode": val.number(10000, 99999)},
            "notes": val.pick(v.punctuated_phrases), "website": val.public_url(), "phone": self._phone(val),
            "enabled": rng.random() < 0.5, "parent_id": rng.randint(1, 5000), "id": val.uuid(),
            "sku": f"{val.pick(v.nouns)[:3].upper()}-{val.number(100, 9999)}", "rating": rng.randint(1, 5),
            "comment": val.sentence(), "username": val.username(), "language": val.pick(v.languages),
        }
        keys = rng.sample(sorted(candidates), rng.randint(2, 7))
        return {key: candidates[key] for key in keys}

    def _phone(self, val):
        rng = val.rng
        return rng.choice([f"+1 ({rng.randint(200, 999)}) {rng.randint(200, 999)}-{rng.randint(1000, 9999)}",
                           f"+44 {rng.randint(1000, 9999)} {rng.randint(100000, 999999)}",
                           f"0{rng.randint(100, 999)} {rng.randint(100, 999)} {rng.randint(1000, 9999)}"])

    def _paging(self, val) -> list:
        rng, v = val.rng, self.v
        query = []
        if rng.random() < 0.7:
            query.append((val.pick(v.page_params), str(rng.randint(1, 60))))
        if rng.random() < 0.6:
            query.append((val.pick(v.size_params), str(rng.choice([10, 12, 20, 24, 25, 48, 50, 100]))))
        if rng.random() < 0.5:
            query.append((val.pick(v.sort_params), val.pick(v.sort_fields)))
            if rng.random() < 0.6:
                query.append((rng.choice(["order", "dir", "direction", "sort_dir"]), val.pick(v.directions)))
        if rng.random() < 0.15:
            query.append(("offset", str(rng.randint(0, 2000))))
        rng.shuffle(query)
        return query

    # -- search and listings -------------------------------------------------------------------
    def search(self, val):
        rng = val.rng
        text = val.search_text()
        endpoint = rng.choice(["/search", "/search/", f"/{val.pick(self.v.resources)}/search",
                               f"{rng.choice(self.v.api_prefixes)}/search", f"/{val.pick(self.v.resources)}", "/find"])
        draft = Draft("GET", _segments(endpoint), [(val.pick(self.v.search_params), text)])
        if rng.random() < 0.4:
            draft.query += self._paging(val)
        if rng.random() < 0.2:
            draft.query.append((val.pick(self.v.filter_params), val.slug(1)))
        if rng.random() < 0.1:
            draft = Draft("POST", draft.segments, form=draft.query, content_type=rng.choice(FORM_TYPES))
        return draft

    def listing(self, val):
        rng, v = val.rng, self.v
        draft = Draft("GET", _path(val, self.read_patterns[:max(2, len(self.read_patterns) // 3)]))
        filters = []
        for _ in range(rng.randint(1, 4)):
            name = val.pick(v.filter_params)
            style = rng.random()
            if style < 0.15:
                name = f"filter[{name}]"
            elif style < 0.25:
                name = f"{name}[]"
            filters.append((name, self._filter_value(val, name)))
        draft.query = filters + (self._paging(val) if rng.random() < 0.6 else [])
        return draft

    def _filter_value(self, val, name):
        rng, v = val.rng, self.v
        if "price" in name:
            return val.price().replace(",", "")
        if any(word in name for word in ("date", "from", "to", "since", "until")):
            return val.date()
        if "country" in name or "region" in name:
            return val.pick(v.countries)
        if "lang" in name or "locale" in name:
            return val.pick(v.languages)
        if "currency" in name:
            return val.pick(v.currencies)
        if "city" in name:
            return val.pick(v.cities)
        return rng.choice([val.pick(v.adjectives), str(rng.randint(1, 500)), rng.choice(["true", "false", "1", "0", "yes"]),
                           ",".join(val.pick(v.adjectives) for _ in range(rng.randint(2, 3))), val.pick(v.brands)])

    def tracking(self, val):
        rng, v = val.rng, self.v
        draft = self.page(val) if rng.random() < 0.6 else self.rest_read(val)
        draft.method = "GET"
        extra = [("utm_source", val.pick(v.tracking_sources)), ("utm_medium", val.pick(v.tracking_mediums)),
                 ("utm_campaign", f"{val.pick(v.adjectives)}_{val.pick(v.months)}_{rng.randint(2018, 2026)}")]
        if rng.random() < 0.3:
            extra.append(("utm_content", val.slug(2)))
        if rng.random() < 0.3:
            extra.append((rng.choice(["gclid", "fbclid", "msclkid"]), val.base64_token(rng.randint(20, 60)).replace("+", "-").replace("/", "_").rstrip("=")))
        if rng.random() < 0.2:
            extra.append(("ref", val.pick(v.tracking_sources)))
        draft.query = draft.query + [p for p in extra if p[0] in v.tracking_params or p[0].startswith("utm_")]
        return draft

    # -- forms ---------------------------------------------------------------------------------
    def login(self, val):
        rng = val.rng
        user_field = val.pick(self.login_user_fields)
        password_field = val.pick(self.login_password_fields)
        user = val.email() if user_field in ("email", "login", "account") and rng.random() < 0.6 else val.username()
        pairs = [(user_field, user), (password_field, val.password())]
        if rng.random() < 0.5:
            pairs.append(("remember", rng.choice(["on", "1", "true"])))
        if rng.random() < 0.5:
            pairs.insert(0, (rng.choice(["csrf_token", "_token", "authenticity_token", "__RequestVerificationToken"]), val.base64_token(32)))
        if rng.random() < 0.2:
            pairs.append(("redirect", rng.choice(["/", "/dashboard", "/account", f"/{val.pick(self.v.pages)}"])))
        endpoint = _segments(val.pick(self.login_endpoints))
        if rng.random() < 0.35:
            return Draft("POST", endpoint, json_body=dict(pairs), content_type=rng.choice(JSON_TYPES))
        return Draft("POST", endpoint, form=pairs, content_type=rng.choice(FORM_TYPES))

    def form(self, val):
        rng, v = val.rng, self.v
        kind = val.pick(self.form_kinds)
        endpoint = val.pick(self.form_endpoints).format(kind=kind, lang=val.pick(v.languages), p=rng.choice(v.api_prefixes))
        first, last = val.person()
        values = {
            "first_name": first, "last_name": last, "full_name": f"{first} {last}".title(), "email": val.email(),
            "phone": self._phone(val), "company": f"{val.pick(v.brands).title()} {rng.choice(['Ltd', 'Inc.', 'GmbH', 'LLC', '& Co', 'S.A.'])}",
            "address": f"{rng.randint(1, 999)} {val.pick(v.streets).replace('-', ' ').title()}", "address2": rng.choice(["Apt 4B", "Suite 210", "Floor 3", "c/o reception", ""]),
            "city": val.pick(v.cities).replace("-", " ").title(), "postcode": val.number(1000, 99999), "zip": val.number(10000, 99999),
            "country": val.pick(v.countries).upper(), "message": val.paragraph(rng.randint(1, 5)),
            "subject": val.search_text(), "comment": val.sentence(), "notes": val.pick(v.punctuated_phrases),
            "title": val.product_name(), "description": val.paragraph(2), "quantity": str(rng.randint(1, 10)),
            "size": rng.choice(["XS", "S", "M", "L", "XL", "42", "10.5"]), "color": val.pick(v.adjectives),
            "gift_message": val.sentence(), "coupon": f"{val.pick(v.adjectives).upper()}{rng.randint(5, 50)}",
            "newsletter": rng.choice(["on", "yes", "1"]), "terms": "accepted", "dob": val.date(), "birthday": val.date(),
            "website": val.public_url(), "job_title": rng.choice(["Engineer", "Head of Sales", "CTO & co-founder", "Nurse", "Teacher"]),
            "department": val.pick(v.resources), "budget": val.price(), "referral": val.pick(v.tracking_sources),
        }
        fields = rng.sample([f for f in v.form_fields if f in values], rng.randint(2, 6))
        pairs = [(name, values[name]) for name in fields]
        if rng.random() < 0.3 and "message" in values:
            # Text areas send line breaks as CR LF.
            pairs.append(("message", "\r\n".join(val.sentence() for _ in range(rng.randint(2, 4)))))
        if rng.random() < 0.3:
            pairs.insert(0, ("csrf_token", val.base64_token(32)))
        return Draft("POST", _segments(endpoint), form=pairs, content_type=rng.choice(FORM_TYPES))

    def long_text(self, val):
        rng = val.rng
        text = val.paragraph(rng.randint(5, 14))
        if rng.random() < 0.3:
            text += f"\n\n**Update:** see [the manual]({val.public_url()}) -- it's under \"{val.search_text()}\"."
        endpoint = _path(val, self.write_patterns)
        field_name = rng.choice(["body", "text", "content", "review", "message", "comment"])
        if rng.random() < 0.5:
            return Draft("POST", endpoint, json_body={field_name: text, "rating": rng.randint(1, 5)}, content_type=rng.choice(JSON_TYPES))
        return Draft("POST", endpoint, form=[(field_name, text), ("rating", str(rng.randint(1, 5)))], content_type=rng.choice(FORM_TYPES))

    def rich_text(self, val):
        """HTML as a rich-text editor posts it: markup without scripts or handlers."""
        rng = val.rng
        parts = []
        for _ in range(rng.randint(1, 4)):
            tag = val.pick(self.rich_text_tags)
            if tag == "br":
                parts.append("<br>")
            elif tag == "ul":
                parts.append("<ul>" + "".join(f"<li>{val.product_name()}</li>" for _ in range(rng.randint(1, 3))) + "</ul>")
            else:
                parts.append(f"<{tag}>{val.sentence()}</{tag}>")
        if rng.random() < 0.4:
            parts.append(f'<p>More at <a href="{val.public_url()}">{val.pick(self.v.pages)}</a>.</p>')
        html = "".join(parts)
        endpoint = _path(val, self.write_patterns)
        name = rng.choice(["content", "body_html", "description", "bio", "post[body]"])
        if rng.random() < 0.5:
            return Draft(rng.choice(["POST", "PUT"]), endpoint, json_body={name: html, "title": val.product_name()}, content_type=rng.choice(JSON_TYPES))
        return Draft("POST", endpoint, form=[("title", val.product_name()), (name, html)], content_type=rng.choice(FORM_TYPES))

    # -- URLs, files, tokens -------------------------------------------------------------------
    def redirect(self, val):
        rng, v = val.rng, self.v
        target = rng.choice([
            "/" + val.pick(v.pages), f"/{val.pick(v.resources)}/{val.number()}", val.public_url(),
            f"/{val.pick(v.pages)}?{val.pick(v.filter_params)}={val.slug(1)}",
            # An encoded URL inside a value: decoding it takes two rounds, and it is still benign.
            f"/search?{val.pick(v.search_params)}=" + val.search_text().replace(" ", "%20").replace("'", "%27"),
        ])
        draft = Draft("GET", _segments(rng.choice(["/login", "/logout", "/auth/callback", "/sso", "/redirect", "/out", "/account/switch"])),
                      [(val.pick(v.redirect_params), target)])
        if rng.random() < 0.4:
            draft.query.append(("state", val.hex_token()))
        return draft

    def url_value(self, val):
        rng, v = val.rng, self.v
        url = val.public_url()
        endpoint = _path(val, self.write_patterns)
        name = val.pick(v.url_params)
        if rng.random() < 0.5:
            return Draft("GET", _segments(rng.choice(["/preview", "/embed", "/share", "/api/unfurl", "/proxy/image", "/oembed"])), [(name, url)])
        return Draft("POST", endpoint, json_body={name: url, "name": val.product_name()}, content_type=rng.choice(JSON_TYPES))

    def file(self, val):
        rng, v = val.rng, self.v
        name = val.pick(v.file_names)
        shape = rng.randint(0, 3)
        if shape == 0:
            return Draft("GET", _segments(rng.choice(["/download", "/files/get", "/export", "/attachments/view"])), [(val.pick(v.file_params), name)])
        if shape == 1:
            return Draft("GET", [rng.choice(["files", "uploads", "docs", "media"]), val.uuid(), name])
        if shape == 2:
            return Draft("GET", _segments(f"{rng.choice(v.api_prefixes)}/documents/{val.uuid()}/download"), [("filename", name), ("disposition", rng.choice(["inline", "attachment"]))])
        return Draft("POST", _segments(f"{rng.choice(v.api_prefixes)}/files"), json_body={"filename": name, "size": rng.randint(100, 9000000), "folder": val.slug(1)}, content_type=rng.choice(JSON_TYPES))

    def token(self, val):
        rng, v = val.rng, self.v
        pairs = [(val.pick(v.token_params), rng.choice([val.jwt_like(), val.base64_token(), val.hex_token()]))]
        if rng.random() < 0.5:
            pairs.append(("email", val.email()))
        if rng.random() < 0.3:
            pairs.append(("expires", str(rng.randint(1600000000, 1900000000))))
        return Draft("GET", _segments(rng.choice(["/verify", "/reset-password", "/invite/accept", "/confirm", "/unsubscribe", "/auth/callback"])), pairs)

    # -- structured bodies ---------------------------------------------------------------------
    def graphql(self, val):
        rng = val.rng
        resource = val.pick(self.v.resources).replace("-", "_")
        fields = " ".join(rng.sample(["id", "name", "title", "price", "createdAt", "status", "email", "total"], rng.randint(2, 5)))
        shape = rng.randint(0, 2)
        if shape == 0:
            query = f"query Get{resource.title()}($id: ID!) {{ {resource[:-1] or resource}(id: $id) {{ {fields} }} }}"
            variables = {"id": val.number()}
        elif shape == 1:
            query = f"query {{ {resource}(first: {rng.randint(5, 50)}, after: \"{val.base64_token(12)}\") {{ edges {{ node {{ {fields} }} }} }} }}"
            variables = {}
        else:
            query = f"mutation Update($input: Update{resource.title()}Input!) {{ update{resource.title()}(input: $input) {{ {fields} }} }}"
            variables = {"input": {"id": val.number(), "name": val.product_name(), "note": val.pick(self.v.punctuated_phrases)}}
        body = {"query": query, "variables": variables}
        if rng.random() < 0.5:
            body["operationName"] = None
        return Draft("POST", _segments(rng.choice(["/graphql", "/api/graphql", "/gql"])), json_body=body, content_type=rng.choice(JSON_TYPES))

    def xml(self, val):
        """XML documents as clients post them (orders, SOAP calls, feeds); text escaped as XML requires."""
        rng = val.rng
        if rng.random() < 0.3:
            # A feed item: free text, and HTML escaped inside the description, as RSS carries it.
            description = f"<p>{val.sentence()}</p>" if rng.random() < 0.6 else val.sentence()
            children = [("title", val.sentence()), ("link", val.public_url()), ("description", description),
                        ("pubDate", val.date())]
            return Draft("POST", _path(val, self.write_patterns), xml_doc=(val.pick(self.feed_roots), children, "rss"),
                         content_type=rng.choice(XML_TYPES + ("application/rss+xml",)))
        root = val.pick(self.xml_roots)
        names = rng.sample(self.xml_fields, rng.randint(2, len(self.xml_fields)))
        children = [(name, self._xml_text(val, name)) for name in names]
        envelope = "soap" if rng.random() < 0.3 else ""
        return Draft("POST", _path(val, self.write_patterns), xml_doc=(root, children, envelope), content_type=rng.choice(XML_TYPES))

    def upload(self, val):
        """A browser form upload: text fields beside a file part (binary content, or a small text file)."""
        rng, v = val.rng, self.v
        parts = []
        for name in rng.sample(self.upload_text_fields, rng.randint(0, 3)):
            text = val.slug(1) + "/" + val.slug(1) if name == "folder" else (
                val.sentence() if rng.random() < 0.6 else val.product_name())
            parts.append({"name": name, "value": text})
        file_name = val.pick(v.file_names)
        if rng.random() < 0.75:
            parts.append({"name": val.pick(self.upload_file_fields), "value": None, "filename": file_name,
                          "type": val.pick(self.binary_types)})
        else:
            rows = "\n".join(",".join([val.product_name(), val.price(), val.date()]) for _ in range(rng.randint(1, 4)))
            parts.append({"name": val.pick(self.upload_file_fields), "value": rows, "filename": file_name,
                          "type": rng.choice(["text/csv", "text/plain"])})
        rng.shuffle(parts)
        endpoint = val.pick(self.upload_endpoints).format(p=rng.choice(v.api_prefixes + [""]))
        return Draft("POST", _segments(endpoint), multipart=parts)

    def _xml_text(self, val, name):
        if name in ("price", "total"):
            return val.price()
        if name in ("quantity", "id"):
            return val.number(1, 999)
        if name == "date":
            return val.date()
        if name == "email":
            return val.email()
        return val.product_name() if rng_text(val) else val.sentence()

    def odata(self, val):
        """OData queries put quotes and 'and'/'or' in values by design."""
        rng, v = val.rng, self.v
        field = rng.choice(["Name", "City", "Status", "Category"])
        clause = rng.choice([
            f"{field} eq '{val.pick(v.adjectives).title()}'",
            f"Price lt {val.price().replace(',', '')} and {field} eq '{val.pick(v.nouns)}'",
            f"startswith({field}, '{val.pick(v.adjectives)[:3]}') or Price gt {rng.randint(1, 99)}",
            f"{field} ne null",
        ])
        query = [("$filter", clause), ("$top", str(rng.randint(5, 50)))]
        if rng.random() < 0.5:
            query.append(("$orderby", f"{field} {rng.choice(['asc', 'desc'])}"))
        if rng.random() < 0.4:
            query.append(("$select", ",".join(rng.sample(["Name", "Price", "City", "Id", "Status"], 3))))
        return Draft("GET", _segments(f"/odata/{val.pick(v.resources).title()}"), query)

    def build(self, val):
        """Draws a kind by weight and builds one request; returns (kind, draft)."""
        names = [k[0] for k in self.kinds]
        weights = [k[1] for k in self.kinds]
        index = val.rng.choices(range(len(names)), weights=weights)[0]
        return names[index], self.kinds[index][2](val)

    def build_kind(self, val, kind):
        for name, _, builder in self.kinds:
            if name == kind:
                return copy.deepcopy(builder(val))
        raise KeyError(kind)
