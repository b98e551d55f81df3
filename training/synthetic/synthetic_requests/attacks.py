"""Attacks placed into the same request shapes as benign traffic (benign.py): a payload replaces or
extends one value, one path segment, a parameter name or the whole body.
"""
import base64
import copy
import re
from urllib.parse import quote

from . import payloads as P
from .attacks_breadth import NEW_FAMILIES, BreadthAttacks
from .draft import Draft, FORM_TYPES, JSON_TYPES, XML_TYPES, json_get, json_set
from .encoding import ATTACK_STYLES, BENIGN_STYLES

FAMILIES = ("sqli", "xss", "traversal", "cmdi", "ssrf", "ssti", "jndi", "nosql", "crlf", "xxe") + NEW_FAMILIES

SQL_KEYWORDS = ("union", "select", "from", "where", "and", "or", "order", "by", "sleep", "insert", "into", "values",
                "update", "set", "delete", "drop", "table", "exec", "having", "group", "limit", "like", "waitfor", "delay")

# Kinds of benign request whose values carry a payload well, per family.
VALUE_KINDS = ("search", "listing", "rest_read", "login", "form", "rest_write", "long_text", "tracking", "token",
               "redirect", "file", "url_value", "page", "upload", "xml",
               # benign_technical.py: payloads also hide in developer text, names, secrets and GraphQL variables.
               "dev_markdown", "display_name", "secret", "graphql_ops", "multiscript")


class Attacks:
    def __init__(self, pools, benign, vocabulary):
        half = pools.half
        self.benign = benign
        self.v = vocabulary
        self.templates = {
            "sqli": half("sqli_templates", P.SQLI), "xss": half("xss_templates", P.XSS),
            "traversal": half("traversal_templates", P.TRAVERSAL), "cmdi": half("cmdi_templates", P.CMDI),
            "ssrf": half("ssrf_templates", P.SSRF), "ssti": half("ssti_templates", P.SSTI), "jndi": half("jndi_templates", P.JNDI),
            "crlf": half("crlf_templates", P.CRLF), "xxe": half("xxe_templates", P.XXE),
        }
        self.nosql_strings = half("nosql_strings", P.NOSQL_STRINGS)
        self.nosql_operators = half("nosql_operators", P.NOSQL_OPERATORS)
        self.tables = half("sql_tables", P.SQL_TABLES)
        self.columns = half("sql_columns", P.SQL_COLUMNS)
        self.column_sets = half("sql_column_sets", P.SQL_COLUMN_SETS)
        self.xss_calls = half("xss_calls", P.XSS_CALLS)
        self.unix_files = half("unix_files", P.UNIX_FILES)
        self.windows_files = half("windows_files", P.WINDOWS_FILES)
        self.probe_paths = half("probe_paths", P.PROBE_PATHS)
        self.unix_commands = half("unix_commands", P.UNIX_COMMANDS)
        self.windows_commands = half("windows_commands", P.WINDOWS_COMMANDS)
        self.cmdi_bases = half("cmdi_bases", P.CMDI_BASES)
        self.ssrf_paths = half("ssrf_paths", P.SSRF_PATHS)
        self.ssrf_meta = half("ssrf_meta", P.SSRF_META)
        self.jndi_protocols = half("jndi_protocols", P.JNDI_PROTOCOLS)
        self.crlf_headers = half("crlf_headers", P.CRLF_HEADERS)
        self.crlf_bases = half("crlf_bases", P.CRLF_BASES)
        self.xxe_entities = half("xxe_entities", P.XXE_ENTITIES)
        self.attacker_hosts = half("attacker_hosts", P.ATTACKER_HOSTS)
        self.filler_words = half("filler_words", P.FILLER_WORDS)
        self.builders = {
            "sqli": self.sqli, "xss": self.xss, "traversal": self.traversal, "cmdi": self.cmdi, "ssrf": self.ssrf,
            "ssti": self.ssti, "jndi": self.jndi, "nosql": self.nosql, "crlf": self.crlf, "xxe": self.xxe,
        }
        self.breadth = BreadthAttacks(pools, self)
        self.builders.update(self.breadth.builders())

    # -- filling templates -----------------------------------------------------------------------
    def _fill(self, val, text: str) -> str:
        rng = val.rng
        words = self.filler_words
        n = rng.randint(1, 99)
        # Half the time an out-of-band or look-alike host (payloads_hosts.py) rather than an .example one.
        host = val.pick(self.attacker_hosts) if rng.random() < 0.5 else self.breadth.attacker_host(val)
        b64 = base64.b64encode(val.pick(["alert(1)", "id", "whoami", "cat /etc/passwd", "<script>x</script>"]).encode()).decode()
        cmd = val.pick(self.unix_commands).format(host=host, w=val.pick(words))
        values = {
            "q": val.pick(P.SQL_QUOTES), "n": n, "n2": n + rng.randint(1, 50), "big": rng.randint(1000000, 9999999),
            "s": rng.randint(2, 15), "w": val.pick(words), "user": val.pick(["admin", "administrator", "root", val.pick(words), val.username()]),
            "t": val.pick(self.tables), "c": val.pick(self.columns), "c2": val.pick(self.columns), "cm": val.pick(P.SQL_COMMENTS),
            "cmd": cmd, "host": host, "b64": b64, "ip": f"{rng.randint(11, 223)}.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}",
            "port": rng.choice([4444, 1389, 1099, 8443, 9001, 53, 80, 443, rng.randint(1025, 65000)]),
            "up": val.pick(["../", "..\\", "../", "..//"]) * rng.randint(2, 8), "upwin": "..\\" * rng.randint(2, 7),
            "file": val.pick(self.unix_files), "winfile": val.pick(self.windows_files), "ext": val.pick(["png", "jpg", "html", "txt", "pdf", "php"]),
            "wincmd": val.pick(self.windows_commands).format(host=host), "proto": val.pick(self.jndi_protocols),
            "sport": val.pick(P.SSRF_PORTS), "p2": rng.choice([22, 25, 3306, 5432, 6379, 9200, 11211, 8080, 2379]),
            "path": val.pick(self.ssrf_paths), "meta": val.pick(self.ssrf_meta), "uuid": val.uuid(), "pub": val.pick(self.v.public_hosts),
            "o1": rng.randint(0, 255), "o2": rng.randint(0, 255), "o3": rng.randint(1, 254), "mid": rng.randint(16, 31),
            "redis": quote("*1\r\n$4\r\ninfo\r\n", safe=""), "header": val.pick(self.crlf_headers),
            "e": val.pick(self.xxe_entities), "root": val.pick(self.benign.xml_roots), "el": val.pick(self.benign.xml_fields),
        }
        values["cols"] = val.pick(self.column_sets).format(**values)
        values["f"] = val.pick(self.xss_calls).format(**values)
        values["base"] = val.pick(self.cmdi_bases).format(**values)
        values["cmd_ifs"] = cmd.replace(" ", "${IFS}")
        values["cmd_enc"] = quote(cmd, safe="")
        values["file_enc"] = quote(values["file"], safe="/") if rng.random() < 0.5 else values["file"]
        values["winfile_enc"] = values["winfile"].replace("\\", rng.choice(["%5c", "%5C", "\\"]))
        values["hval"] = self._header_value(val, values)
        values["hval_enc"] = quote(values["hval"], safe="")
        return text.format(**values)

    def _header_value(self, val, values):
        header = values["header"].lower()
        rng = val.rng
        if header == "set-cookie":
            return f"{val.pick(self.filler_words)}={val.hex_token(16)}"
        if header in ("location", "refresh", "link"):
            return ("0; url=" if header == "refresh" else "") + f"http://{values['host']}/{values['w']}"
        if header == "content-length":
            return str(rng.randint(0, 99))
        if header == "x-forwarded-for":
            return "127.0.0.1"
        return rng.choice(["*", "0", "text/html", "no-cache", "1", values["w"], "attachment; filename=x.html", "chunked"])

    def _payload(self, val, family: str):
        technique, template = val.pick(self.templates[family])
        pre_encoded = template.startswith("=")
        if pre_encoded:
            template = template[1:]
        if family == "crlf":
            base = val.pick(self.crlf_bases).format(w=val.pick(self.filler_words), pub=val.pick(self.v.public_hosts), n=val.rng.randint(1, 99))
            template = template.replace("{base_enc}", quote(base, safe="/")).replace("{base}", base.replace("{", "{{").replace("}", "}}"))
        return technique, self._fill(val, template), pre_encoded

    # -- obfuscation -------------------------------------------------------------------------------
    def _sql_obfuscate(self, val, text: str) -> str:
        rng = val.rng
        roll = rng.random()
        if roll < 0.25:
            text = text.upper()
        elif roll < 0.45:
            text = re.sub(r"[a-z]+", lambda m: "".join(c.upper() if rng.random() < 0.5 else c for c in m.group(0))
                          if m.group(0) in SQL_KEYWORDS else m.group(0), text)
        roll = rng.random()
        if roll < 0.12:
            text = text.replace(" ", "/**/")
        elif roll < 0.2:
            text = text.replace(" ", rng.choice(["\t", "\n", "\r\n", "  ", "\x0b"]))
        elif roll < 0.26:
            text = re.sub(r"\b(union|select|and|or)\b", lambda m: f"/*!{rng.choice(['', '50000', '12345'])}{m.group(0)}*/", text, flags=re.I)
        return text

    def _xss_obfuscate(self, val, text: str) -> str:
        rng = val.rng
        roll = rng.random()
        if roll < 0.3:
            return re.sub(r"(?<=<)[a-z]+|on[a-z]+(?==)", lambda m: "".join(c.upper() if rng.random() < 0.5 else c for c in m.group(0)), text)
        if roll < 0.4:
            return text.upper()
        return text

    # -- placement ---------------------------------------------------------------------------------
    def _host(self, val, kinds=VALUE_KINDS):
        """A benign request with at least one value to carry the payload."""
        for _ in range(20):
            kind = val.rng.choice(kinds)
            draft = self.benign.build_kind(val, kind)
            if draft.value_slots():
                return kind, draft
        draft = Draft("GET", ["search"], [(val.pick(self.v.search_params), val.search_text())])
        return "search", draft

    def _into_value(self, val, draft: Draft, payload: str, pre_encoded: bool, slot=None, append=None):
        rng = val.rng
        slot = slot or rng.choice(draft.value_slots())
        where, key = slot
        if where == "json":
            # A pre-encoded payload goes into JSON as sent: attackers hope the back end decodes it later.
            original = json_get(draft.json_body, key)
            json_set(draft.json_body, key, self._combine(val, str(original), payload, append))
            return f"json:{'.'.join(map(str, key))}"
        if where == "multipart":
            # Multipart values are sent as typed, never percent-encoded.
            part = draft.multipart[key]
            part["value"] = payload if pre_encoded else self._combine(val, part["value"] or "", payload, append)
            return f"multipart:{part['name']}"
        if where == "xml":
            root, children, envelope = draft.xml_doc
            name, original = children[key]
            children[key] = (name, payload if pre_encoded else self._combine(val, original or "", payload, append))
            return f"xml:{name}"
        pairs = draft.query if where == "query" else draft.form
        name, original = pairs[key]
        draft.styles[(where, key)] = None
        if pre_encoded:
            pairs[key] = (name, payload)
            draft.raw_values.add((where, key))
        else:
            pairs[key] = (name, self._combine(val, original or "", payload, append))
        return f"{where}:{name}"

    @staticmethod
    def _combine(val, original: str, payload: str, append):
        if append is None:
            append = val.rng.random() < 0.4
        return original + payload if append and original else payload

    def _into_path(self, val, draft: Draft, payload: str, pre_encoded: bool):
        slots = draft.path_slots()
        if not slots:
            draft.segments = [val.pick(self.v.resources), payload]
            index = 1
        else:
            index = val.rng.choice(slots)
            original = draft.segments[index]
            draft.segments[index] = payload if pre_encoded or val.rng.random() < 0.6 else original + payload
        if pre_encoded:
            draft.raw_segments.add(index)
        draft.styles[("segment", index)] = None
        return f"path:{index}"

    def _render(self, val, draft: Draft, family: str, technique: str, location: str, pre_encoded: bool):
        attack_style = val.pick(ATTACK_STYLES)
        attacked = [slot for slot, chosen in draft.styles.items() if chosen is None]
        for slot in attacked:
            draft.styles[slot] = attack_style
        client_style = val.pick(BENIGN_STYLES)
        used = attack_style if attacked else client_style
        return draft.render(client_style, val.rng, 1, family=family, technique=technique, location=location,
                            encoding=("pre-encoded+" if pre_encoded else "") + used)

    # -- families ------------------------------------------------------------------------------------
    def _value_family(self, val, family, obfuscate=None, path_share=0.0):
        technique, payload, pre_encoded = self._payload(val, family)
        if obfuscate is not None and not pre_encoded:
            payload = obfuscate(val, payload)
        # A javascript: URL only works as the whole value; appended to another it is inert.
        append = False if technique == "js_url" else None
        kind, draft = self._host(val)
        if val.rng.random() < path_share:
            draft = self.benign.build_kind(val, "rest_read")
            location = self._into_path(val, draft, payload, pre_encoded)
        else:
            location = self._into_value(val, draft, payload, pre_encoded, append=append)
        return self._render(val, draft, family, technique, location, pre_encoded)

    def sqli(self, val):
        return self._value_family(val, "sqli", self._sql_obfuscate, path_share=0.12)

    def xss(self, val):
        return self._value_family(val, "xss", self._xss_obfuscate, path_share=0.08)

    def ssti(self, val):
        return self._value_family(val, "ssti", path_share=0.05)

    def jndi(self, val):
        return self._value_family(val, "jndi", path_share=0.05)

    def cmdi(self, val):
        technique, payload, pre_encoded = self._payload(val, "cmdi")
        kind, draft = self._host(val, ("search", "listing", "form", "rest_write", "file", "token", "rest_read"))
        if val.rng.random() < 0.3:
            # The classic shape: a tool form that passes a host name or file name to a shell.
            draft = Draft(val.pick(["GET", "POST"]), [val.pick(["ping", "tools", "diag", "network", "admin", "convert"]), val.pick(["check", "run", "lookup", "", "exec"])],
                          [(val.pick(["host", "ip", "target", "addr", "domain", "filename", "cmd", "file"]), "")])
            draft.segments = [s for s in draft.segments if s] or ["ping"]
            if draft.method == "POST":
                draft.form, draft.query, draft.content_type = draft.query, [], val.pick(FORM_TYPES)
            location = self._into_value(val, draft, payload, pre_encoded, slot=(("form" if draft.form else "query"), 0), append=False)
        else:
            location = self._into_value(val, draft, payload, pre_encoded, append=False)
        return self._render(val, draft, "cmdi", technique, location, pre_encoded)

    def traversal(self, val):
        rng = val.rng
        if rng.random() < 0.15:
            probe = val.pick(self.probe_paths)
            prefix = rng.choice(["", "", val.pick(self.v.static_dirs) + "/", val.pick(self.v.pages) + "/"])
            draft = Draft("GET", (prefix + probe).split("/"))
            return self._render(val, draft, "traversal", "probe", "path", False)
        technique, payload, pre_encoded = self._payload(val, "traversal")
        if rng.random() < 0.3 and technique in ("dotdot", "encoded"):
            # In the path itself, sent as is (curl --path-as-is) after a real-looking prefix.
            base = self.benign.build_kind(val, rng.choice(["static", "file", "rest_read"]))
            keep = [s for s in base.segments[:rng.randint(1, 2)] if s]
            draft = Draft("GET", keep + [payload.replace("\0", "%00")], base.query)
            draft.raw_segments.add(len(keep))
            draft.styles[("segment", len(keep))] = None
            return self._render(val, draft, "traversal", technique, "path", pre_encoded)
        if rng.random() < 0.5:
            draft = self.benign.build_kind(val, "file")
            if not draft.value_slots():
                draft.query.append((val.pick(self.v.file_params), val.pick(self.v.file_names)))
        else:
            kind, draft = self._host(val, ("search", "listing", "rest_read", "page", "form", "rest_write"))
            draft.query.append((val.pick(self.v.file_params + ["page", "template", "include", "lang", "view", "doc"]), val.pick(self.v.file_names)))
            location = self._into_value(val, draft, payload, pre_encoded, slot=("query", len(draft.query) - 1), append=False)
            return self._render(val, draft, "traversal", technique, location, pre_encoded)
        location = self._into_value(val, draft, payload, pre_encoded, append=False)
        return self._render(val, draft, "traversal", technique, location, pre_encoded)

    def ssrf(self, val):
        rng = val.rng
        technique, payload, pre_encoded = self._payload(val, "ssrf")
        kind = rng.choice(["url_value", "redirect", "add"])
        if kind == "add":
            _, draft = self._host(val, ("rest_read", "page", "rest_write", "form", "listing"))
            name = val.pick(self.v.url_params)
            if draft.json_body is not None and isinstance(draft.json_body, dict):
                draft.json_body[name] = payload
                location = f"json:{name}"
            else:
                draft.query.append((name, payload))
                draft.styles[("query", len(draft.query) - 1)] = None
                location = f"query:{name}"
        else:
            draft = self.benign.build_kind(val, kind)
            slot = draft.value_slots()[0]
            location = self._into_value(val, draft, payload, pre_encoded, slot=slot, append=False)
        return self._render(val, draft, "ssrf", technique, location, pre_encoded)

    def nosql(self, val):
        rng = val.rng
        roll = rng.random()
        if roll < 0.4:
            draft = self.benign.build_kind(val, "login")
            operator = "$" + val.pick(self.nosql_operators)
            if draft.json_body is not None:
                secret_keys = [k for k in draft.json_body if k in self.benign.login_password_fields]
                keys = list(draft.json_body)[:2] if rng.random() < 0.5 or not secret_keys else secret_keys
                for key in keys:
                    draft.json_body[key] = {operator: self._operand(val, operator)}
                return self._render(val, draft, "nosql", "operator_json", "json", False)
            pairs = draft.form
            targets = [i for i, (name, _) in enumerate(pairs) if name not in ("remember", "redirect") and "token" not in name.lower()]
            for i in targets[:rng.randint(1, len(targets))]:
                name, _ = pairs[i]
                pairs[i] = (f"{name}[{operator}]", str(self._operand(val, operator, as_text=True)))
                draft.raw_names.add(("form", i))
            if rng.random() < 0.4:
                draft.query, draft.form, draft.content_type, draft.method = pairs, None, None, "GET"
                draft.raw_names = {("query", i) for _, i in draft.raw_names}
            return self._render(val, draft, "nosql", "operator_name", "names", False)
        if roll < 0.7:
            _, draft = self._host(val, ("rest_read", "listing", "search"))
            operator = "$" + val.pick(self.nosql_operators)
            name = val.pick(self.v.filter_params + self.v.id_params)
            if rng.random() < 0.5:
                draft.query.append((f"{name}[{operator}]", str(self._operand(val, operator, as_text=True))))
                draft.raw_names.add(("query", len(draft.query) - 1))
                return self._render(val, draft, "nosql", "operator_name", f"query:{name}", False)
            body = Draft("POST", draft.segments, json_body={name: {operator: self._operand(val, operator)}}, content_type=val.pick(JSON_TYPES))
            if rng.random() < 0.3:
                body.json_body = {"$where": val.pick(["sleep(5000)", "this.password.length > 0", "function(){return true;}", "1==1"])}
            return self._render(val, body, "nosql", "operator_json", "json", False)
        technique, text = val.pick(self.nosql_strings)
        text = self._fill(val, text)
        _, draft = self._host(val, ("login", "search", "form", "rest_write"))
        location = self._into_value(val, draft, text, False)
        return self._render(val, draft, "nosql", technique, location, False)

    def _operand(self, val, operator, as_text=False):
        rng = val.rng
        if operator in ("$regex",):
            return val.pick([".*", "^a", "^adm", ".", "^.{8}$"])
        if operator in ("$where",):
            return val.pick(["sleep(5000)", "1==1", "this.a==this.a", "return true"])
        if operator in ("$exists",):
            return "true" if as_text else True
        if operator in ("$in", "$nin"):
            return "" if as_text else [val.pick(["admin", "root", "x"])]
        if operator in ("$or", "$and", "$not", "$expr", "$elemMatch"):
            return "1" if as_text else [{}]
        return val.pick(["", "1", "x", "null", "0"]) if as_text else val.pick([None, "", 1, "x", 0])

    def crlf(self, val):
        rng = val.rng
        if rng.random() < 0.3:
            return self.breadth.log_injection(val)
        technique, payload, pre_encoded = self._payload(val, "crlf")
        roll = rng.random()
        if roll < 0.3:
            draft = self.benign.build_kind(val, "redirect")
            location = self._into_value(val, draft, payload, pre_encoded, slot=("query", 0), append=False)
        elif roll < 0.55:
            draft = self.benign.build_kind(val, rng.choice(["page", "rest_read"]))
            draft.query.append((val.pick(["lang", "locale", "next", "url", "ref", "view", "theme"] + self.v.redirect_params), ""))
            location = self._into_value(val, draft, payload, pre_encoded, slot=("query", len(draft.query) - 1), append=False)
        elif roll < 0.8:
            draft = self.benign.build_kind(val, rng.choice(["page", "rest_read"]))
            location = self._into_path(val, draft, payload, pre_encoded)
        else:
            _, draft = self._host(val, ("form", "login", "search"))
            location = self._into_value(val, draft, payload, pre_encoded)
        return self._render(val, draft, "crlf", technique, location, pre_encoded)

    def xxe(self, val):
        rng = val.rng
        technique, payload, _ = self._payload(val, "xxe")
        base = self.benign.build_kind(val, "xml")
        if rng.random() < 0.85:
            draft = Draft("POST", base.segments, text_body=payload, content_type=val.pick(XML_TYPES + ("image/svg+xml",)))
            return self._render(val, draft, "xxe", technique, "body", False)
        draft = Draft("POST", base.segments, form=[(val.pick(["xml", "data", "payload", "document", "import"]), payload)], content_type=val.pick(FORM_TYPES))
        return self._render(val, draft, "xxe", technique, "form", False)

    def build(self, val, family):
        return self.builders[family](val)
