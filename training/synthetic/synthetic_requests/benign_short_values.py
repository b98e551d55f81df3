"""Benign requests whose values are short tokens carrying a symbol or two, as APIs and login flows
send them: a redirect back to the site's root or a locale (`next=/`, `return_to=/en/`), an output
format (`format=xml`), a field selector or sort key (`fields=*`, `sort=-created_at`), a time zone
(`tz=Europe/Paris`), and an e-mail address as the only field of a reset or subscribe form.

Why: in a value of one or two characters a single n-gram carries the whole unit-length row, so a
gram that attacks also use (`/` and `*` start traversals, redirects and LDAP wildcards) decides alone.
Without such values in training, `/logout?return_to=%2F` scored 0.99 and `?fields=*` 1.0; every
Django, Rails and JSON:API site sends them all day.
"""
from .draft import Draft, FORM_TYPES

# "/" and "*" are in both halves (they are the point); the held-out half differs in everything else.
ROOT = "/"
ALL_FIELDS = "*"
LOCAL_TARGETS = [
    "/en/", "/fr/", "/de/", "/es/", "/pt-br/", "/ja/", "/en-us/", "/app/", "/home", "/account/", "/dashboard/",
    "/#", "/?tab=2", "/en/account/orders/", "./", "/admin/", "/me", "/inbox/", "/settings/profile/",
]
FORMAT_NAMES = ["format", "fmt", "output", "as", "export", "type", "alt", "ext", "fm", "render", "view"]
FORMATS = ["xml", "json", "csv", "pdf", "ics", "xlsx", "rss", "atom", "yaml", "html", "txt", "tsv", "jsonl", "png", "svg",
           "vcf", "md", "docx", "zip", "geojson"]
SELECTOR_NAMES = ["fields", "select", "include", "expand", "only", "exclude", "embed", "attrs", "columns", "$select",
                  "$expand", "populate", "with", "projection", "fields[articles]"]
SELECTORS = ["id,name", "id,name,email", "id,title,author", "author,comments", "*.name", "items(id,title)",
             "author.*", "all", "basic", "id", "name,price", "+id", "user.profile", "metadata,labels", "tags,owner",
             "-password", "~internal", "full"]
SORT_NAMES = ["sort", "order", "orderby", "order_by", "sort_by", "sortBy", "$orderby", "ordering", "dir"]
SORTS = ["-created_at", "created_at", "+price", "-price", "name:asc", "date:desc", "price desc", "title asc", "-updated",
         "rank", "-score,name", "popularity", "asc", "desc", "newest", "-id", "relevance", "distance"]
TIME_ZONES = ["Europe/Paris", "America/New_York", "UTC", "Asia/Tokyo", "Etc/GMT+5", "GMT-3", "UTC+05:30", "+01:00",
              "Australia/Sydney", "America/Sao_Paulo", "Africa/Lagos", "Z"]
ZONE_NAMES = ["tz", "timezone", "time_zone", "zone", "utc_offset"]
EMAIL_ENDPOINTS = ["/password/reset", "/password/forgot", "/newsletter/subscribe", "/invite", "/account/verify/resend",
                   "/users/password", "/accounts/password/reset/", "/subscribe", "/waitlist", "/magic-link"]
EMAIL_NAMES = ["email", "email", "mail", "user[email]", "address", "username", "login"]
READ_ENDPOINTS = ["/api/v1/users/{id}", "/api/v2/orders/{id}/invoice", "/api/v3/devices/{id}/status", "/api/items",
                  "/reports/{id}", "/api/v1/projects/{id}/issues", "/export/{id}", "/calendar/{id}", "/api/posts",
                  "/feeds/{id}", "/api/customers/{id}/orders", "/v1/search"]
REDIRECT_ENDPOINTS = ["/login", "/logout", "/accounts/login/", "/users/sign_in", "/auth/callback", "/sso/return",
                      "/signout", "/session/new", "/switch-language", "/account/switch"]


class BenignShortValues:
    def __init__(self, pools, vocabulary):
        half = pools.half
        self.v = vocabulary
        self.local_targets = half("short_local_targets", LOCAL_TARGETS)
        self.format_names = half("short_format_names", FORMAT_NAMES)
        self.formats = half("short_formats", FORMATS)
        self.selector_names = half("short_selector_names", SELECTOR_NAMES)
        self.selectors = half("short_selectors", SELECTORS)
        self.sort_names = half("short_sort_names", SORT_NAMES)
        self.sorts = half("short_sorts", SORTS)
        self.time_zones = half("short_time_zones", TIME_ZONES)
        self.zone_names = half("short_zone_names", ZONE_NAMES)
        self.email_endpoints = half("short_email_endpoints", EMAIL_ENDPOINTS)
        self.email_names = half("short_email_names", EMAIL_NAMES)
        self.read_endpoints = half("short_read_endpoints", READ_ENDPOINTS)
        self.redirect_endpoints = half("short_redirect_endpoints", REDIRECT_ENDPOINTS)

    def kinds(self) -> list:
        """(name, weight, builder) in the units of benign.Benign.kinds."""
        return [("short_redirect", 2, self.redirect), ("short_api_read", 3, self.api_read), ("short_email_form", 1, self.email_form)]

    def redirect(self, val):
        rng = val.rng
        target = ROOT if rng.random() < 0.4 else val.pick(self.local_targets)
        query = [(val.pick(self.v.redirect_params), target)]
        if rng.random() < 0.3:
            query.append(rng.choice([("lang", rng.choice(["en", "fr", "de", "pt-BR"])), ("state", val.hex_token(16)), ("prompt", "login")]))
        if rng.random() < 0.5:
            rng.shuffle(query)
        return Draft("GET", val.pick(self.redirect_endpoints).split("/")[1:], query)

    def api_read(self, val):
        rng = val.rng
        path = val.pick(self.read_endpoints).format(id=val.number(1, 9999999))
        choices = [
            lambda: (val.pick(self.format_names), val.pick(self.formats)),
            lambda: (val.pick(self.selector_names), ALL_FIELDS if rng.random() < 0.3 else val.pick(self.selectors)),
            lambda: (val.pick(self.sort_names), val.pick(self.sorts)),
            lambda: (val.pick(self.zone_names), val.pick(self.time_zones)),
        ]
        query = [rng.choice(choices)() for _ in range(rng.choice([1, 1, 1, 2, 3]))]
        if rng.random() < 0.3:
            query.append(rng.choice([("page", val.number(1, 40)), ("limit", rng.choice(["10", "25", "50", "100"])),
                                     ("lang", rng.choice(["en", "sr-Latn", "zh-Hant", "pt_BR"]))]))
        return Draft("GET", path.split("/")[1:], query)

    def email_form(self, val):
        rng = val.rng
        fields = [(val.pick(self.email_names), val.email())]
        if rng.random() < 0.3:
            fields.append(rng.choice([("csrfmiddlewaretoken", val.hex_token(32)), ("authenticity_token", val.base64_token(44)),
                                      ("next", ROOT)]))
        return Draft("POST", val.pick(self.email_endpoints).split("/")[1:], form=fields, content_type=rng.choice(FORM_TYPES))
