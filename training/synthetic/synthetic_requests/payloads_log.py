"""Log injection (CRLF family): a line break followed by a forged log line, or a quote that closes a
JSON log field, in a value an application logs (user names, search terms, paths).
(technique "log", template); {date}, {clf}, {syslog} are timestamps in common log formats."""

LOG_INJECTION = [
    "{base}\n{date} INFO login succeeded for user=admin ip={ip}", "{base}\r\n[{date}] [notice] admin logged in from {ip}",
    "{base}\n{ip} - - [{clf}] \"GET /admin HTTP/1.1\" 200 {n}", "{base}\nERROR database connection lost, failing over",
    "{base}\r\n{date} WARN password for admin reset by {w}", "{base}\n{syslog} sshd[{n}]: Accepted password for root from {ip} port 22 ssh2",
    "{base}\u2028{date} level=info msg=\"user admin authenticated\"", "{base}\r\n\r\n{date} INFO [main] Application shutdown requested",
    "{base}\",\"level\":\"info\",\"user\":\"admin\",\"msg\":\"login ok", "{base}\nuser=admin action=grant_role role=superuser status=ok",
    "{base}\n{date} AUDIT transfer of {n}000 EUR approved by admin", "{base}\r\n{ip} - admin [{clf}] \"POST /api/keys HTTP/1.1\" 201 {n}",
    "{base}\n[{date}] security.INFO: Authentication success {\"user\":\"admin\"}", "{base}\n<13>{syslog} web01 app: session granted to admin",
    "{base}\n{date} DEBUG cleared audit trail", "{base}\u0085{date} INFO admin logged out",
    "={base_enc}%0a{date_enc}%20INFO%20login%20succeeded%20for%20user%3Dadmin", "={base_enc}%0d%0a{ip}%20-%20-%20%5B{clf_enc}%5D%20%22GET%20/admin%20HTTP/1.1%22%20200",
    "={base_enc}%0AERROR%20disk%20full", "={base_enc}%250a{date_enc}%20WARN%20admin%20password%20changed",
]
