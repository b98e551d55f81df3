"""Attacker-controlled hosts for the ldap, xpath, prototype_pollution, deserialization and open_redirect
families and for log injection: out-of-band interaction services (a random id under the service's
domain, as their clients hand out), look-alike phishing names and throw-away hosts on many TLDs.
{id} is filled with a random lowercase id."""

ATTACKER_HOSTS = [
    "{id}.oast.pro", "{id}.oast.fun", "{id}.oast.live", "{id}.oast.site", "{id}.oast.online", "{id}.oast.me",
    "{id}.interact.sh", "{id}.burpcollaborator.net", "{id}.oastify.com", "{id}.dnslog.cn", "{id}.requestbin.net",
    "{id}.ngrok.io", "{id}.ngrok-free.app", "{id}.trycloudflare.com", "{id}.canarytokens.com", "{id}.m.pipedream.net",
    "login-verify.example.net", "secure-account-update.example", "phish-portal.example.org", "attacker.test", "malicious.invalid",
    "xn--pypal-4ve.example", "g00gle-auth.example", "paypa1-login.example.com", "cdn-static.example.xyz", "files.example.top",
    "update-check.example.ru", "signin-office.example.co", "evil-redirect.example", "wallet-connect.example.app",
    "{id}.x.example.tk", "short.example.gq", "bank-secure.example.cn", "auth-session.example.live", "my-drive.example.click",
]
