"""Benign kinds whose values carry symbols that attacks also use: developer text (Windows paths,
regexes, shell pipelines quoted in questions, maths, Markdown, emoticons), display names and bios with
separators, generated passwords and API secrets, GraphQL operations named like code, text in many
scripts, URLs and file names with symbols. Placed in query, form, JSON, XML and multipart bodies.

Without them one `|`, `\\` or `';` in a value would be, for the model, proof of an attack.
"""
import json
import string

from . import technical_words as T
from .draft import Draft, FORM_TYPES, JSON_TYPES, XML_TYPES
from .fill import substitute

DEV_ENDPOINTS = [
    "/questions/ask", "/forum/posts", "{p}/issues", "{p}/repos/{slug}/issues/{id}/comments", "/t/{slug}/{id}/reply",
    "{p}/comments", "/answers", "/wiki/{slug}/edit", "{p}/notes", "/snippets/new", "{p}/pulls/{id}/reviews",
    "/community/threads/{id}/posts", "{p}/tickets/{id}/messages", "/support/new", "/kb/articles/{id}/feedback", "/chat/{id}/messages",
]
DEV_FIELDS = ["body", "text", "content", "comment", "question", "message", "description", "post[body]", "note", "details", "reply", "markdown"]
DEV_TITLE_FIELDS = ["title", "subject", "summary", "topic", "issue[title]", "headline"]
PROFILE_ENDPOINTS = [
    "/settings/profile", "{p}/me", "{p}/users/{id}/profile", "/account/edit", "{p}/teams/{id}", "{p}/products/{id}", "/shop/settings",
    "/onboarding/profile", "{p}/organizations/{id}", "/profile/update", "{p}/channels/{id}", "/store/listing/{id}",
]
DISPLAY_FIELDS = ["display_name", "bio", "headline", "nickname", "title", "name", "company", "team_name", "status", "shop_name",
                  "product_name", "tagline", "about", "label", "caption", "location"]
SECRET_ENDPOINTS = [
    "/register", "/signup", "{p}/users", "/account/password", "{p}/auth/register", "/settings/security", "/oauth/token",
    "{p}/integrations/{id}", "/admin/settings/mail", "{p}/credentials", "/password/change", "/join",
]
GRAPHQL_ENDPOINTS = ["/graphql", "/api/graphql", "/gql", "/v1/graphql", "/graphql/v2", "/query", "/api/gql", "/graph"]
TEXT_ENDPOINTS = [
    "/search", "{p}/reviews", "{p}/addresses", "/feedback", "{p}/messages", "/contact", "{p}/places/search", "/translate",
    "{p}/posts", "/guestbook", "{p}/profiles/{id}", "/checkout/address",
]
TEXT_FIELDS = ["q", "query", "text", "review", "name", "address", "city", "message", "comment", "title", "street", "greeting"]
LINK_ENDPOINTS = ["{p}/bookmarks", "/settings/links", "{p}/links", "/share", "{p}/integrations/webhooks", "/profile/social",
                  "{p}/feeds", "/submit", "{p}/previews", "/links/new"]
FILE_ENDPOINTS = ["/upload", "{p}/files", "{p}/files/{id}", "/download", "{p}/attachments", "/drive/rename", "{p}/documents/{id}",
                  "/media/library", "{p}/exports", "/share/file"]

CARRIERS = ("query", "form", "json", "xml", "multipart")
# Type annotations that ordinary JSON carries: JSON-LD, OData, GraphQL, and .NET/Java APIs naming their own classes.
SCHEMA_TYPES = ["Product", "Offer", "Person", "Organization", "Event", "Place", "Recipe", "Review", "Article", "BreadcrumbList",
                "LocalBusiness", "VideoObject", "FAQPage", "Order", "PostalAddress", "Rating"]
APP_NAMESPACES = ["Acme.Shop.Models", "Contoso.Billing.Contracts", "Fabrikam.Crm.Dto", "Northwind.Orders.Api.Models",
                  "com.globex.inventory.model", "com.initech.hr.dto", "Tailspin.Travel.Domain", "io.hooli.chat.events",
                  "Litware.Docs.Messages", "app.vandelay.imports"]
TYPED_ENDPOINTS = ["{p}/shapes", "{p}/events", "/structured-data", "{p}/documents/{id}", "{p}/widgets", "/odata/Orders", "{p}/messages",
                   "{p}/notifications", "/api/ld", "{p}/entities/{id}"]
# Directory look-ups with wildcards, as address books and admin consoles send them.
DIRECTORY_ENDPOINTS = ["/directory", "/people/search", "/addressbook/lookup", "{p}/directory/users", "/staff", "/admin/accounts/find",
                       "{p}/groups/{id}/members", "/phonebook/search", "/org/chart", "{p}/contacts/lookup"]
DIRECTORY_PARAMS = ["cn", "uid", "sn", "mail", "name", "q", "givenName", "department", "ou", "member", "login", "displayName"]


def _xml_name(name: str) -> str:
    return "".join(c if c.isalnum() or c in "_-" else "_" for c in name).strip("_") or "value"


class BenignTechnical:
    def __init__(self, pools, vocabulary):
        half = pools.half
        self.v = vocabulary
        self.windows_paths = half("tech_windows_paths", T.WINDOWS_PATHS)
        self.dev_apps = half("tech_dev_apps", T.DEV_APPS)
        self.regexes = half("tech_regexes", T.REGEXES)
        self.pipelines = half("tech_pipelines", T.PIPELINES)
        self.math = half("tech_math", T.MATH)
        self.markdown = half("tech_markdown", T.MARKDOWN)
        self.code = half("tech_code_snippets", T.CODE_SNIPPETS)
        self.emoticons = half("tech_emoticons", T.EMOTICONS)
        self.dev_frames = half("tech_dev_frames", T.DEV_FRAMES)
        self.dev_verbs = half("tech_dev_verbs", T.DEV_VERBS)
        self.dev_tags = half("tech_dev_tags", T.DEV_TAGS)
        self.dev_endpoints = half("tech_dev_endpoints", DEV_ENDPOINTS)
        self.dev_fields = half("tech_dev_fields", DEV_FIELDS)
        self.dev_title_fields = half("tech_dev_title_fields", DEV_TITLE_FIELDS)
        self.display_templates = half("display_templates", T.DISPLAY_TEMPLATES)
        self.roles = half("display_roles", T.ROLES)
        self.pronouns = half("display_pronouns", T.PRONOUNS)
        self.nicknames = half("display_nicknames", T.NICKNAMES)
        self.profile_endpoints = half("profile_endpoints", PROFILE_ENDPOINTS)
        self.display_fields = half("display_fields", DISPLAY_FIELDS)
        self.passphrase_separators = half("passphrase_separators", T.PASSPHRASE_SEPARATORS)
        self.secret_fields = half("secret_fields", T.SECRET_FIELDS)
        self.password_change_fields = half("password_change_fields", T.PASSWORD_CHANGE_FIELDS)
        self.secret_endpoints = half("secret_endpoints", SECRET_ENDPOINTS)
        self.graphql_verbs = half("graphql_verbs", T.GRAPHQL_VERBS)
        self.graphql_nouns = half("graphql_nouns", T.GRAPHQL_NOUNS)
        self.graphql_fields = half("graphql_fields", T.GRAPHQL_FIELDS)
        self.graphql_types = half("graphql_types", T.GRAPHQL_TYPES)
        self.graphql_endpoints = half("graphql_endpoints", GRAPHQL_ENDPOINTS)
        self.multiscript = half("multiscript_phrases", T.MULTISCRIPT)
        self.text_endpoints = half("multiscript_endpoints", TEXT_ENDPOINTS)
        self.text_fields = half("multiscript_fields", TEXT_FIELDS)
        self.url_shapes = half("url_shapes", T.URL_SHAPES)
        self.idn_hosts = half("idn_hosts", T.IDN_HOSTS)
        self.wiki_titles = half("wiki_titles", T.WIKI_TITLES)
        self.url_fields = half("url_fields", T.URL_FIELDS)
        self.link_endpoints = half("link_endpoints", LINK_ENDPOINTS)
        self.file_name_shapes = half("file_name_shapes", T.FILE_NAME_SHAPES)
        self.file_endpoints = half("file_symbol_endpoints", FILE_ENDPOINTS)
        self.schema_types = half("schema_org_types", SCHEMA_TYPES)
        self.app_namespaces = half("app_namespaces", APP_NAMESPACES)
        self.typed_endpoints = half("typed_json_endpoints", TYPED_ENDPOINTS)
        self.directory_endpoints = half("directory_endpoints", DIRECTORY_ENDPOINTS)
        self.directory_params = half("directory_params", DIRECTORY_PARAMS)

    def kinds(self) -> list:
        """(name, weight, builder) in the units of benign.Benign.kinds (whose weights add up to 116)."""
        return [
            ("dev_windows_path", 2, lambda val: self.dev_text(val, "path")),
            ("dev_regex", 2, lambda val: self.dev_text(val, "regex")),
            ("dev_shell_prose", 1, lambda val: self.dev_text(val, "pipeline")),
            ("dev_math", 2, lambda val: self.dev_text(val, "math")),
            ("dev_markdown", 2, lambda val: self.dev_text(val, "markdown")),
            ("dev_emoticon", 1, lambda val: self.dev_text(val, "emoticon")),
            ("display_name", 3, self.display_name), ("secret", 3, self.secret), ("graphql_ops", 3, self.graphql_ops),
            ("multiscript", 2, self.multiscript_text), ("url_symbols", 2, self.url_symbols), ("file_name_symbols", 2, self.file_name_symbols),
            ("typed_json", 2, self.typed_json), ("directory_lookup", 1, self.directory_lookup),
        ]

    # -- shared --------------------------------------------------------------------------------
    def _endpoint(self, val, patterns) -> list:
        rng = val.rng
        path = val.pick(patterns).format(p=rng.choice(self.v.api_prefixes + [""]), id=val.number(1, 99999), slug=val.slug(rng.randint(1, 3)))
        return path.split("/")[1:] or [""]

    def _carry(self, val, segments, fields, carriers=CARRIERS, wrapper=None) -> Draft:
        """The same fields as a client would send them in one of the carriers."""
        rng = val.rng
        carrier = rng.choice(carriers)
        if carrier == "query":
            return Draft("GET", segments, list(fields))
        if carrier == "form":
            if wrapper and rng.random() < 0.3:
                # Rails-style nested names (user[profile][name]=): brackets in names are ordinary.
                fields = [(f"{wrapper}[{name.replace('[', '][').rstrip(']')}]" if "[" in name else f"{wrapper}[{name}]", value) for name, value in fields]
            return Draft(rng.choice(["POST", "POST", "PUT"]), segments, form=list(fields), content_type=rng.choice(FORM_TYPES))
        if carrier == "json":
            body = {name.replace("[", ".").replace("]", ""): value for name, value in fields}
            if wrapper and rng.random() < 0.4:
                body = {wrapper: body}
            return Draft(rng.choice(["POST", "PUT", "PATCH"]), segments, json_body=body, content_type=rng.choice(JSON_TYPES))
        if carrier == "xml":
            children = [(_xml_name(name), value) for name, value in fields]
            return Draft("POST", segments, xml_doc=(wrapper or val.pick(["entry", "item", "request", "data", "post"]), children, ""),
                         content_type=rng.choice(XML_TYPES))
        parts = [{"name": name, "value": value} for name, value in fields]
        if rng.random() < 0.3:
            parts.append({"name": rng.choice(["attachment", "file", "image"]), "value": None,
                          "filename": val.pick(self.v.file_names), "type": rng.choice(["image/png", "application/pdf", "image/jpeg"])})
        return Draft("POST", segments, multipart=parts)

    def _values(self, val) -> dict:
        rng, v = val.rng, self.v
        first, last = val.person()
        return {
            "user": first.title(), "app": val.pick(self.dev_apps), "file": val.pick(v.file_names), "n": rng.randint(2, 99),
            "n2": rng.randint(2, 99), "brand": val.pick(v.brands).title(), "brand2": val.pick(v.brands).title(),
            "first": first.title(), "first2": val.person()[0].title(), "last": last.replace("-", " ").title(),
            "noun": val.pick(v.nouns).replace("-", " "), "noun2": val.pick(v.nouns).replace("-", " "), "noun3": val.pick(v.nouns),
            "role": val.pick(self.roles), "role2": val.pick(self.roles), "pronouns": val.pick(self.pronouns),
            "city": val.pick(v.cities).replace("-", " ").title(), "nick": val.pick(self.nicknames), "q": rng.randint(1, 4),
            "url": val.public_url(), "quote": val.sentence(), "code": val.pick(self.code),
        }

    # -- developer text ------------------------------------------------------------------------
    def _technical(self, val, focus, values) -> str:
        rng = val.rng
        if focus == "path":
            text = substitute(val.pick(self.windows_paths), values)
            return f"`{text}`" if rng.random() < 0.3 else text
        if focus == "regex":
            text = val.pick(self.regexes)
            return rng.choice([f"`{text}`", f"/{text}/", text, f"\"{text}\""])
        if focus == "pipeline":
            return f"`{val.pick(self.pipelines)}`" if rng.random() < 0.6 else val.pick(self.pipelines)
        if focus == "math":
            text = val.pick(self.math)
            return rng.choice([f"${text}$", text, f"\\({text}\\)", f"$${text}$$"])
        if focus == "markdown":
            return substitute(val.pick(self.markdown), values)
        return val.pick(self.emoticons)

    def dev_text(self, val, focus):
        rng = val.rng
        values = self._values(val)
        thing = self._technical(val, focus, values)
        frame_values = {"x": thing, "x2": self._technical(val, focus, values), "e": val.pick(self.emoticons) if rng.random() < 0.6 else "",
                        "verb": val.pick(self.dev_verbs), "n": rng.randint(2, 4000), "tag": val.pick(self.dev_tags)}
        body = substitute(val.pick(self.dev_frames), frame_values).strip()
        if focus in ("markdown", "emoticon") and rng.random() < 0.5:
            body = thing + ("\n\n" if focus == "markdown" else " ") + val.sentence()
        if rng.random() < 0.4:
            body += rng.choice(["\n\n", "\r\n", " "]) + val.sentence()
        fields = [(val.pick(self.dev_fields), body)]
        if rng.random() < 0.5:
            title = substitute(val.pick(self.dev_frames), dict(frame_values, x=self._technical(val, focus, values))).strip()
            fields.insert(0, (val.pick(self.dev_title_fields), title[:120]))
        if rng.random() < 0.3:
            fields.append((rng.choice(["tags", "labels", "category"]), ",".join(rng.sample(self.dev_tags, 2))))
        return self._carry(val, self._endpoint(val, self.dev_endpoints), fields, ("form", "json", "json", "multipart", "xml", "query"),
                           wrapper=rng.choice(["post", "comment", "issue", "answer"]))

    # -- names, bios, titles ---------------------------------------------------------------------
    def display_name(self, val):
        rng = val.rng
        fields = []
        for name in rng.sample(self.display_fields, rng.randint(1, 3)):
            fields.append((name, substitute(val.pick(self.display_templates), self._values(val))))
        if rng.random() < 0.2:
            # The same kind of text typed into a search box.
            return Draft("GET", rng.choice([["search"], ["users"], ["shops", "search"], ["find"]]),
                         [(val.pick(self.v.search_params), fields[0][1])])
        return self._carry(val, self._endpoint(val, self.profile_endpoints), fields, ("form", "json", "json", "multipart", "xml"),
                           wrapper=rng.choice(["profile", "user", "team", "product"]))

    # -- passwords and secrets -------------------------------------------------------------------
    def _generated_secret(self, val) -> str:
        rng = val.rng
        shape = rng.randint(0, 5)
        if shape <= 1:
            # A password manager: every printable ASCII symbol may occur.
            alphabet = string.ascii_letters + string.digits + T.PASSWORD_SYMBOLS * rng.choice((1, 2))
            return "".join(rng.choice(alphabet) for _ in range(rng.randint(12, 32)))
        if shape == 2:
            separator = val.pick(self.passphrase_separators)
            words = [val.pick(self.v.password_words) for _ in range(rng.randint(3, 5))]
            return separator.join(w.capitalize() if rng.random() < 0.4 else w for w in words) + rng.choice(["", str(rng.randint(1, 99))])
        if shape == 3:
            word = val.pick(self.v.password_words)
            return rng.choice([f"{word}'{rng.randint(1, 99)};", f"{word.title()}\\{rng.randint(10, 999)}|", f"#{rng.randint(1, 9)}<3{word}",
                               f"{word}\"{word[::-1]}\"", f"pa$$--{word}", f"{word}>{word}<{rng.randint(1, 9)}", f"{word};{word.upper()}!",
                               f"C:\\{word}{rng.randint(1, 99)}", f"{word}|{rng.randint(100, 999)}|{word}", f"'{word}'#{rng.randint(1, 99)}"])
        if shape == 4:
            return val.base64_token(rng.randint(24, 48))
        return rng.choice(["sk_live_", "whsec_", "ghp_", "xoxb-", "AKIA", ""]) + val.base64_token(rng.randint(20, 40)).replace("/", "_").replace("+", "-").rstrip("=")

    def secret(self, val):
        rng = val.rng
        password = self._generated_secret(val)
        shape = rng.randint(0, 3)
        if shape == 0:
            fields = [(val.pick(["email", "username", "login"]), val.email() if rng.random() < 0.6 else val.username()),
                      (val.pick(["password", "pass", "pwd"]), password)]
            if rng.random() < 0.6:
                fields.append((val.pick(self.password_change_fields), password))
        elif shape == 1:
            fields = [(name, self._generated_secret(val) if i == 0 else password)
                      for i, name in enumerate(rng.sample(self.password_change_fields, min(3, len(self.password_change_fields))))]
        elif shape == 2:
            fields = [("grant_type", "client_credentials"), ("client_id", val.hex_token(rng.choice((16, 24, 32)))), ("client_secret", password)]
            if rng.random() < 0.5:
                fields.append(("scope", rng.choice(["read write", "openid profile", "api:read", "orders.read orders.write"])))
            return Draft("POST", self._endpoint(val, ["/oauth/token", "{p}/oauth2/token", "/connect/token", "/token"]), form=fields,
                         content_type=rng.choice(FORM_TYPES))
        else:
            fields = [(name, self._generated_secret(val)) for name in rng.sample(self.secret_fields, rng.randint(1, 2))]
            if rng.random() < 0.5:
                fields.insert(0, ("name", val.product_name()))
        if rng.random() < 0.3:
            fields.insert(0, ("csrf_token", val.base64_token(32)))
        return self._carry(val, self._endpoint(val, self.secret_endpoints), fields, ("form", "form", "json", "json", "multipart"),
                           wrapper=rng.choice(["user", "credentials", "account", "settings"]))

    # -- GraphQL ----------------------------------------------------------------------------------
    def _selection(self, val, depth=0) -> str:
        rng = val.rng
        parts = []
        for field in rng.sample(self.graphql_fields, rng.randint(2, 5)):
            roll = rng.random()
            if roll < 0.15:
                field = f"{rng.choice(['small', 'big', 'main', 'alt', 'first', 'latest'])}{field.title()}: {field}"
            elif roll < 0.25:
                field = f"{field} @include(if: ${rng.choice(['withDetails', 'full', 'isAdmin', 'expand'])})"
            elif roll < 0.3:
                field = f"{field} @skip(if: $compact)"
            parts.append(field)
        if depth < 1 and rng.random() < 0.5:
            parts.append(f"{val.pick(self.graphql_fields)} {{ {self._selection(val, depth + 1)} }}")
        if rng.random() < 0.2:
            parts.append(f"... on {val.pick(self.graphql_types)} {{ {' '.join(rng.sample(self.graphql_fields, 2))} }}")
        if rng.random() < 0.3:
            parts.append("__typename")
        return " ".join(parts)

    def _variable_value(self, val):
        rng = val.rng
        return rng.choice([val.public_url(), val.pick(self.v.file_names), val.sentence(), self._generated_secret(val),
                           val.search_text(), val.number(), substitute(val.pick(self.display_templates), self._values(val)),
                           substitute(val.pick(self.file_name_shapes), self._values(val))])

    def graphql_ops(self, val):
        rng = val.rng
        name = val.pick(self.graphql_verbs) + val.pick(self.graphql_nouns)
        root = name[0].lower() + name[1:]
        kind = rng.choice(["query", "query", "mutation"])
        variables = {}
        arguments = []
        for var in rng.sample(["input", "url", "fileName", "text", "password", "term", "id", "note", "path", "target"], rng.randint(1, 3)):
            variables[var] = self._variable_value(val) if var != "id" else val.number()
            arguments.append((var, "ID!" if var == "id" else "String"))
        header = f"{kind} {name}({', '.join(f'${a}: {t}' for a, t in arguments)})"
        args = ", ".join(f"{a}: ${a}" for a, _ in arguments)
        if rng.random() < 0.4:
            literal = val.search_text().replace("\\", "\\\\").replace('"', '\\"')
            args += f", {rng.choice(['filter', 'search', 'label', 'title'])}: \"{literal}\""
        if rng.random() < 0.2:
            args += f", orderBy: {{field: {rng.choice(['CREATED_AT', 'NAME', 'PRICE'])}, direction: {rng.choice(['ASC', 'DESC'])}}}"
        selection = self._selection(val)
        fragment = ""
        if rng.random() < 0.35:
            fragment_name = f"{val.pick(self.graphql_types)}Parts"
            selection += f" ...{fragment_name}"
            fragment = f" fragment {fragment_name} on {val.pick(self.graphql_types)} {{ {' '.join(rng.sample(self.graphql_fields, 3))} }}"
        query = f"{header} {{ {root}({args}) {{ {selection} }} }}{fragment}"
        if rng.random() < 0.4:
            query = query.replace("{ ", "{\n  ").replace(" }", "\n}")
        segments = self._endpoint(val, self.graphql_endpoints)
        if rng.random() < 0.15:
            params = [("query", query), ("operationName", name)]
            if variables:
                params.append(("variables", json.dumps(variables, ensure_ascii=False)))
            return Draft("GET", segments, params)
        body = {"operationName": name, "query": query, "variables": variables}
        if rng.random() < 0.15:
            body["extensions"] = {"persistedQuery": {"version": 1, "sha256Hash": val.hex_token(64)}}
        return Draft("POST", segments, json_body=body, content_type=rng.choice(JSON_TYPES))

    # -- many scripts, URLs, file names ------------------------------------------------------------
    def multiscript_text(self, val):
        rng = val.rng
        fields = []
        for name in rng.sample(self.text_fields, rng.randint(1, 3)):
            text = val.pick(self.multiscript)
            if rng.random() < 0.3:
                text = rng.choice([f"{text} {val.pick(self.v.nouns)}", f"{val.product_name()} \u2013 {text}", f"{text} {val.pick(self.emoticons)}"])
            fields.append((name, text))
        return self._carry(val, self._endpoint(val, self.text_endpoints), fields, wrapper=rng.choice(["review", "address", "message"]))

    def _url(self, val) -> str:
        rng, v = val.rng, self.v
        values = {"host": val.pick(v.public_hosts), "idn": val.pick(self.idn_hosts), "path": val.slug(rng.randint(1, 2)).replace("-", "/", 1),
                  "k": val.pick(v.filter_params), "k2": val.pick(v.sort_params), "v": val.slug(1), "v2": val.pick(v.adjectives),
                  "frag": val.slug(1), "port": rng.choice([8080, 8443, 3000, 444, 8000, 9090]), "n": rng.randint(10, 99), "n2": rng.randint(100, 999),
                  "user": val.username(), "wiki": val.pick(self.wiki_titles), "hex": val.hex_token(32).upper()}
        return substitute(val.pick(self.url_shapes), values)

    def url_symbols(self, val):
        rng = val.rng
        fields = [(name, self._url(val)) for name in rng.sample(self.url_fields, rng.randint(1, 2))]
        if rng.random() < 0.5:
            fields.append(("title", val.product_name()))
        return self._carry(val, self._endpoint(val, self.link_endpoints), fields, wrapper=rng.choice(["link", "bookmark", "profile"]))

    def file_name_symbols(self, val):
        rng = val.rng
        name = substitute(val.pick(self.file_name_shapes), self._values(val))
        segments = self._endpoint(val, self.file_endpoints)
        shape = rng.randint(0, 3)
        if shape == 0:
            parts = [{"name": val.pick(["file", "upload", "attachment", "document"]), "value": None, "filename": name,
                      "type": rng.choice(["application/pdf", "image/png", "application/octet-stream", "text/plain"])}]
            if rng.random() < 0.6:
                parts.insert(0, {"name": rng.choice(["title", "name", "caption"]), "value": name.rsplit(".", 1)[0]})
            return Draft("POST", segments, multipart=parts)
        fields = [(rng.choice(["filename", "name", "file", "new_name", "title"]), name)]
        if rng.random() < 0.4:
            fields.append(("folder", rng.choice(["Shared/Team (2024)", "My Documents", "Inbox/Receipts & Bills", "Projects/[archive]", "Photos"])))
        return self._carry(val, segments, fields, ("query", "json", "form", "xml"), wrapper="file")

    # -- typed JSON and directory look-ups ---------------------------------------------------------
    def typed_json(self, val):
        """JSON with type annotations: "@type" in JSON-LD, "@odata.type", "__typename", "$type" naming the app's own classes."""
        rng, v = val.rng, self.v
        shape = rng.randint(0, 3)
        if shape == 0:
            kind = val.pick(self.schema_types)
            body = {"@context": "https://schema.org", "@type": kind, "name": val.product_name(), "url": val.public_url()}
            if rng.random() < 0.5:
                body["offers"] = {"@type": "Offer", "price": val.price().replace(",", ""), "priceCurrency": val.pick(v.currencies).upper()}
            if rng.random() < 0.4:
                body["author"] = {"@type": "Person", "name": " ".join(val.person()).title()}
        elif shape == 1:
            body = {"@odata.type": f"#Microsoft.Dynamics.CRM.{val.pick(self.schema_types).lower()}", "name": val.product_name(),
                    "@odata.etag": f"W/\"{val.number()}\"", "description": val.sentence()}
        elif shape == 2:
            namespace = val.pick(self.app_namespaces)
            type_name = f"{namespace}.{val.pick(self.schema_types)}"
            key = "$type" if namespace[0].isupper() else rng.choice(["@class", "type", "_type"])
            body = {key: type_name + (f", {namespace.split('.')[0]}.{namespace.split('.')[1]}" if key == "$type" and rng.random() < 0.6 else ""),
                    "id": val.number(), "name": val.product_name(), "items": [{key: f"{namespace}.{val.pick(self.schema_types)}", "value": val.number()}]}
        else:
            body = {"data": {val.pick(v.resources).replace("-", "_"): {"__typename": val.pick(self.schema_types), "id": val.uuid(),
                                                                      "title": val.sentence()}}}
        return Draft(rng.choice(["POST", "PUT", "PATCH"]), self._endpoint(val, self.typed_endpoints), json_body=body,
                     content_type=rng.choice(JSON_TYPES + ("application/ld+json",)))

    def directory_lookup(self, val):
        """Wildcards and parentheses in a directory search: Smith*, j*doe, (Sales)."""
        rng = val.rng
        first, last = val.person()
        value = rng.choice([f"{last}*", f"{first[0]}*{last}", f"*{last}*", f"{first} {last}".title(), val.email(), val.username(),
                            f"{last.title()} ({rng.choice(['Sales', 'R&D', 'IT', 'HR', 'Finance'])})", f"{first[:3]}*", "*"])
        pairs = [(val.pick(self.directory_params), value)]
        if rng.random() < 0.4:
            pairs.append((rng.choice(["attrs", "fields", "limit", "scope"]), rng.choice(["cn,mail", "25", "sub", "uid,cn,telephoneNumber"])))
        return self._carry(val, self._endpoint(val, self.directory_endpoints), pairs, ("query", "query", "query", "form", "json"))
