"""Benign value generators for the beyond-CSIC evaluation set (hand-written for this project).

gen(kind, r) returns a realistic value for a parameter of that kind. tricky(category, kind, r) returns a
deliberately awkward but legitimate value (apostrophes, SQL-ish words, code in a developer forum, ...).
"""

import base64
import hashlib
import json
import random

FIRST = ["Liam", "Olivia", "Noah", "Emma", "Mateo", "Sofía", "Lukas", "Mia", "Chloé", "Jörg", "Søren", "Zoë", "Siobhán", "Seán",
         "Ngozi", "Chidi", "Aarav", "Priya", "Wei", "Mei", "Hiroshi", "Yuki", "Min-jun", "Ji-woo", "Ahmed", "Fatima", "Oluwaseun",
         "Dmitri", "Anastasia", "Łukasz", "Małgorzata", "Beatriz", "João", "Ayşe", "Mehmet", "Thảo", "Nguyễn", "Kwame", "Ama",
         "Björn", "Eléonore", "François", "Renée", "José", "María", "Nikolaj", "Ingrid", "Rafael", "Yara", "Omar", "Leïla"]
LAST = ["O'Brien", "O'Connor", "D'Angelo", "McDonald", "Smith-Jones", "van der Berg", "de la Cruz", "Müller", "García", "Núñez",
        "Nakamura", "Kim", "Park", "Nguyen", "Okafor", "Adeyemi", "Kowalski", "Ivanova", "Papadopoulos", "Øberg", "Haß",
        "Dubois", "Rossi", "Silva", "Santos", "Yılmaz", "Cohen", "Levi", "Patel", "Sharma", "Chen", "Wang", "Li", "Schmidt",
        "St. John", "Fitzgerald", "Al-Sayed", "bin Rashid", "Mbeki", "Lindqvist", "Ó Súilleabháin", "d'Artagnan", "L'Estrange"]
SCRIPTS = ["山田 太郎", "李小龙", "김민준", "Иван Петров", "Ελένη Παπαδοπούλου", "محمد علي", "דוד כהן", "राहुल शर्मा", "สมชาย ใจดี",
           "Nguyễn Văn An", "Αλέξανδρος", "Владимир", "佐藤 花子", "王芳", "Zoë Ünal", "Ægir Þórsson", "ქეთევან", "Արամ", "Ṣàngó Adéwálé"]
CITIES = ["São Paulo", "Zürich", "Kraków", "Québec", "Düsseldorf", "Reykjavík", "Ho Chi Minh City", "St. Louis", "Winston-Salem",
          "Coeur d'Alene", "L'Aquila", "Xi'an", "Ta' Xbiex", "New York", "Paris", "東京", "Москва", "Lagos", "Nairobi", "Austin",
          "Washington, D.C.", "Bois-d'Arcy", "Martha's Vineyard", "Union City", "Select Hill", "Drop Bay", "Orderville"]
STREETS = ["221B Baker St.", "1600 Amphitheatre Pkwy", "742 Evergreen Terrace", "Apt #4B, 12 O'Connell St", "P.O. Box 1234",
           "Unit 5/17 King's Rd", "Hauptstraße 5", "Rue de l'Église 3", "Calle Mayor, 14, 2º B", "Suite #300, 500 Union Ave",
           "12 Drop Lane", "88 Select Street #12", "Flat 3, 1 Station Approach", "1-2-3 Shibuya, Shibuya-ku", "Av. Paulista, 1578 - Bela Vista",
           "Rm 1203, 8/F, Tower 2", "Building 7; Gate C", "c/o Acme Corp., 9 Market Sq."]
PRODUCTS = ["running shoes", "iPhone 15 case", "4K monitor 27\"", "kids' rain boots", "men's 32x34 jeans", "USB-C to HDMI adapter",
            "espresso machine", "cast iron skillet 12\"", "rock 'n' roll vinyl", "O'Neill wetsuit", "Levi's 501", "Ben & Jerry's",
            "AT&T prepaid SIM", "Dr. Martens 1460", "Nike Air Max 90", "M&M's party size", "3/4\" plywood", "1/2 inch drill bit",
            "table lamp", "union jack flag", "drop leaf table", "select comfort mattress", "script font stickers", "alert bracelet",
            "cat tree", "echo dot", "ping pong paddles", "curling iron", "killer sudoku book", "exec chair", "shell necklace"]
TRICKY_SQLISH = ["select your size", "drop-off point", "Union Station", "order by date", "sort by price: low to high",
                 "where is my order?", "1=1 is true in maths", "insert coin", "delete my account please", "update: it shipped!",
                 "join our team", "from 9 to 5", "table for two", "and/or", "select all that apply", "drop shipping",
                 "union of sets A and B", "group by size", "null and void", "having fun or not", "OR-Tools tutorial",
                 "case when it rains", "like new condition", "between 10 and 20", "exec summary", "declare income", "grant application",
                 "truncate text with ellipsis", "sleep mask", "waitfor it", "benchmark results 2024", "char siu recipe",
                 "the 'select' button doesn't work", "I'd like to drop my class", "Tom & Jerry", "rock'n'roll", "it's 5 o'clock",
                 "Don't union-bust", "please update my address", "where's the drop box", "1 or 2 weeks",
                 "2 and a half men", "pick 'n' mix", "'til death", "the '90s", "5' 11\" tall", "12\" sub", "size: 10 1/2",
                 "rock & roll hall of fame", "Q&A session", "R&D budget", "Johnson & Johnson", "salt & pepper", "AT&T"]
TRICKY_CODEISH = ["alert me when back in stock", "script writing course", "javascript tutorial for beginners", "how to use onload event",
                  "cat food", "ping pong table", "echo show 8", "curl bar", "shell shock cereal", "python snake plush",
                  "passwd reset not working", "etc. etc.", "win a prize", "java beans", "system of a down tickets",
                  "root beer float", "bash party", "admin assistant jobs", "template for invoice", "windows 11 laptop",
                  "path of exile", "null pointer (movie)", "eval form for teachers", "import duties calculator",
                  "proxy voting form", "local host families", "file a claim", "ldap tutorial pdf", "xml vs json"]
REVIEWS = ["Great product, fits true to size. I'd buy again!", "Arrived late but the seller's support was helpful :)",
           "Don't bother with the \"premium\" version, it's the same thing.", "5 stars!!! My kids love it <3",
           "Works as described; battery life ~ 10h. Price/quality ratio is OK.", "Meh. 3/5 — the strap broke after 2 weeks.",
           "Perfect for our trip to Union Station & back. 10/10 would recommend.", "Colour is more \"navy\" than \"black\" IMO.",
           "Select the larger size if you're between sizes (I'm 5'10\", 180 lbs).", "Order by Friday for weekend delivery — worked for me.",
           "The drop-off point was closed, had to drive 20 min :(", "Good value. Not great, not terrible... 7/10",
           "Très bon produit, livraison rapide. Merci !", "Sehr gut verarbeitet, würde ich wieder kaufen.", "とても良い商品でした。また買います！",
           "Отличный товар, рекомендую.", "¡Excelente! Llegó antes de lo esperado.", "Ótimo custo-benefício 👍", "很好用，推荐！",
           "Honestly? It's fine. Nothing special -- but fine.", "1) easy setup 2) quiet 3) cheap. What else do you want?",
           "I'm O'Brien's mum and I approve of this message 😂", "If 1=1 then this is the best kettle ever.",
           "Used it for my <b>bold</b> art project, lol (not HTML, just saying).", "Replaced my old one; the new one's 50% quieter.",
           "Price dropped by $20 the day after I bought it... #sad", "Fits a 15.6\" laptop + charger + a book.",
           "Customer service said \"we'll call you back\" — they didn't.", "Bought 2 (one for me & one for my sister).",
           "A+++ seller, would trade again", "Smells like vanilla & coconut. Love it!!", "Size chart: S = 36-38, M = 40-42; I'm a M.",
           "Took 3-5 business days as promised.", "The instructions say \"drop the pod in, select 'strong', press start\".",
           "Not compatible w/ iOS < 16", "As a nurse working 12h shifts these are a life-saver.", "Grandma's recipe → perfect w/ this pan."]
POST_TITLES = ["How do I reset my router?", "Best hiking trails near Denver?", "Question about the new pricing plan",
               "Bug: dark mode toggle doesn't persist", "Feature request: export to CSV", "What's your favourite sci-fi book?",
               "Help with my 2019 taxes (W-2 & 1099)", "Can't log in after update", "Union vs. non-union jobs — thoughts?",
               "Selecting the right drill for concrete", "Ordering by date in the dashboard", "Why is 0.1 + 0.2 != 0.3?",
               "Show HN: I built a tiny static site generator", "[SOLVED] Printer drops connection every hour",
               "Anyone tried the C# 12 primary constructors?", "PSA: the parking lot is closed Saturday", "Recipe: grandma's apple pie"]
MD_POSTS = ["## Steps to reproduce\n1. Open settings\n2. Toggle *dark mode*\n3. Reload — it's back to light\n\n**Expected:** stays dark.",
            "Thanks @maria! That fixed it. For anyone else: go to **Settings → Network** and click _Renew lease_.",
            "> I think the issue is the cable\n\nNope, swapped it twice. Any other ideas?",
            "Here's my list:\n- [x] buy milk\n- [ ] call mom\n- [ ] fix the bike's brakes",
            "Check out [the docs](https://docs.example.com/getting-started#install) and the [FAQ](/faq).",
            "Use `Ctrl+Shift+P` then type `Reload Window`. Works on Windows & Linux.",
            "| size | chest |\n|---|---|\n| S | 36\" |\n| M | 40\" |", "Edit: typo. ~~Tuesday~~ Wednesday!",
            "Image: ![screenshot](https://i.example.com/abc123.png)", "Price went from $19.99 → $24.99 :( #inflation",
            "I'd say it's 50/50. Depends on whether you're in the EU or the U.S.", "Footnote[^1]\n\n[^1]: Source: my uncle."]
CODE_POSTS = [  # legitimately discussed code: labelled benign, technique "ambiguous"
    "How do I write this in SQL? I have `SELECT name, COUNT(*) FROM orders GROUP BY name` but I need only counts > 5.",
    "Why does `SELECT * FROM users WHERE email = ?` return nothing when the email has uppercase letters?",
    "In Postgres, is `UNION ALL` faster than `UNION`? My query:\n```sql\nSELECT id FROM a\nUNION ALL\nSELECT id FROM b;\n```",
    "My teacher says never build queries like \"SELECT * FROM t WHERE name = '\" + name + \"'\" — why exactly?",
    "What's the difference between `DELETE FROM logs` and `TRUNCATE TABLE logs`?",
    "Bash question: why does `for f in *.txt; do echo \"$f\"; done` break on spaces?",
    "How do I escape `<script>` tags when I render user comments in React? Is dangerouslySetInnerHTML ever OK?",
    "In Jinja I write `{{ user.name }}` but it prints nothing. The context has `user`. Any idea?",
    "`ls -la | grep .env` shows the file but my app can't read it. Permissions are 644.",
    "Docker: `docker run -v $(pwd):/app node:20 npm test` fails on Windows PowerShell. Use ${PWD} instead?",
    "Regex help: `^[a-z0-9._%+-]+@[a-z0-9.-]+\\.[a-z]{2,}$` rejects my `+` addresses?",
    "Is `ORDER BY created_at DESC LIMIT 10 OFFSET 20` OK for pagination or should I use keyset?",
    "Getting `ERROR 1064 (42000): You have an error in your SQL syntax` near 'order' — it's a column name!",
    "Nginx: `location ~ /\\.git { deny all; }` — is that enough to hide the repo?",
    "Python: `subprocess.run(['ping', '-c', '1', host])` vs `os.system('ping -c 1 ' + host)` — which is safer?",
    "In Mongo, `db.users.find({ age: { $gt: 18 } })` works in the shell but not through Mongoose. Why?",
    "What does `onerror` do on an `<img>`? I want a fallback image when the CDN is down.",
    "Template question: Handlebars `{{#each items}}{{this.name}}{{/each}}` renders empty list.",
    "PowerShell: `Get-ChildItem C:\\Users\\me\\Documents | Where-Object Length -gt 1MB`",
    "Is `<a href=\"javascript:void(0)\">` bad practice? Our linter complains.",
    "Why does `echo $((2**10))` print 1024 but `echo 2**10` doesn't?",
    "Excel formula `=IF(A1=\"\",\"\",VLOOKUP(A1,Sheet2!A:B,2,FALSE))` returns #N/A",
    "We block `../` in uploads, but is `path.normalize` enough in Node?",
    "Log4j question: our scanner flags `${jndi:` patterns in logs. Is log4j 2.17.1 still affected?",
    "For XML parsing in Java, do I need `setFeature(\"http://apache.org/xml/features/disallow-doctype-decl\", true)`?",
    "Can someone explain `WHERE 1=1` in dynamically built queries? Saw it in legacy code.",
    "What's the best way to hash passwords: `bcrypt.hashpw(pw, bcrypt.gensalt())` ok?",
    "C#: `var q = db.Users.Where(u => u.Name == name).OrderBy(u => u.Id);` — is it parameterized?",
    "Vim tip: `:%s/foo/bar/gc` then `:wq`", "Curl: `curl -X POST -H 'Content-Type: application/json' -d '{\"a\":1}' localhost:8080/api`",
]
HTML_POSTS = [
    "<p>Hello <strong>world</strong>!</p>", "<p>Our <em>new</em> collection is here.</p><ul><li>Shirts</li><li>Hats</li></ul>",
    "<h2>Shipping</h2><p>Free over $50. See <a href=\"https://shop.example.com/shipping\" target=\"_blank\" rel=\"noopener\">details</a>.</p>",
    "<p><img src=\"https://cdn.example.com/img/2024/03/banner.jpg\" alt=\"Spring sale\" width=\"600\"></p>",
    "<p style=\"text-align:center\"><span style=\"color:#e03e2d\">Closed Monday</span></p>",
    "<blockquote><p>Best pizza in town.</p><footer>— Marco's regulars</footer></blockquote>",
    "<p>Tom&nbsp;&amp;&nbsp;Jerry&#39;s &quot;big&quot; adventure &mdash; out now.</p>",
    "<table><thead><tr><th>Size</th><th>Price</th></tr></thead><tbody><tr><td>S</td><td>&euro;10</td></tr></tbody></table>",
    "<p>Line one<br>Line two<br/>Line three</p>", "<ol><li><p>Preheat oven to 180&deg;C</p></li><li><p>Mix flour &amp; sugar</p></li></ol>",
    "<pre><code class=\"language-js\">const x = a &lt; b ? a : b;</code></pre>", "<div class=\"note\"><p>Note: prices incl. VAT.</p></div>",
    "<p><a href=\"mailto:support@example.com\">support@example.com</a> or call <a href=\"tel:+15550100\">+1 555 0100</a></p>",
    "<figure><img src=\"/uploads/team.png\" alt=\"Team photo\"><figcaption>Our team, 2024</figcaption></figure>",
    "<p><u>Underlined</u>, <s>struck</s>, <sup>2</sup> and <sub>n</sub>.</p>", "<iframe width=\"560\" height=\"315\" src=\"https://www.youtube.com/embed/dQw4w9WgXcQ\" allowfullscreen></iframe>",
]
SEARCHES = ["red dress", "laptop under 1000", "how to tie a tie", "weather tomorrow", "cheap flights to tokyo", "best pizza near me",
            "python list comprehension", "iphone 15 vs pixel 8", "\"exact phrase\" search", "-excluded +required words", "c++ tutorial",
            "c# async await", "node.js vs deno", "50% off shoes", "size 10.5", "what is 2+2", "#hashtag", "@mention", "café crème",
            "jalapeño poppers", "naïve bayes", "résumé template", "東京 ホテル", "北京 天气", "서울 맛집", "купить велосипед", "مطاعم دبي",
            "שעון יד", "हिंदी गाने", "pâte à crêpes", "😀 emoji meaning", "🍕🍕", "1/2 cup to ml", "10 USD in EUR", "x^2 derivative",
            "(a+b)^2 formula", "5 * 3", "100 > 99", "1 < 2 < 3", "r&b playlist", "black friday deals 2024", "mother's day gifts", "O'Reilly books",
            "men's watch", "kids' books", "toys \"R\" us", "what's new", "it's-a me", "why is the sky blue?", "covid-19 test near me", "wi-fi extender",
            "email: support", "tel: +44", "N95 masks", "B&O speakers", "H&M jeans", "Ben & Jerry's", "P!nk tickets", "Sigur Rós", "Beyoncé", "AC/DC"]
COLORS = ["red", "navy blue", "#ff0000", "rgb(12, 34, 56)", "black", "off-white", "burgundy", "sky-blue", "Space Gray", "rosé"]
TAGS = ["bug", "ui", "good first issue", "help wanted", "p1", "backend", "needs-triage", "wontfix", "i18n", "a11y", "c#", "c++", ".net",
        "node.js", "sql", "regex", "docker", "k8s"]
UAS = ["Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36",
       "Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1",
       "Mozilla/5.0 (X11; Linux x86_64; rv:121.0) Gecko/20100101 Firefox/121.0", "okhttp/4.12.0", "MyShopApp/5.3.1 (Android 14; Pixel 8)",
       "curl/8.4.0", "Dalvik/2.1.0 (Linux; U; Android 13; SM-S911B Build/TP1A.220624.014)", "PostmanRuntime/7.36.0",
       "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.2 Safari/605.1.15"]
DOMAINS = ["example.com", "app.example.com", "shop.example.net", "cdn.example.org", "docs.example.io", "partner.example.co.uk", "images.example.com"]
FILES = ["report-2024 (final).pdf", "IMG_20230814_123045.jpg", "Müller & Söhne invoice #4411.xlsx", "notes.v2.backup.txt",
         "Q3_results_FINAL_v3 (1).pptx", "résumé_2024.docx", "scan 12-03-2024.png", "budget [draft].ods", "team photo.heic",
         "contract_O'Neil.pdf", "data.tar.gz", "setup-x64.msi", "holiday.mov", "2024-01-01_export.csv", "tax return '23.pdf",
         "logo@2x.png", "readme.md", "archive.7z", "音乐.mp3", "фото.jpg", "a+b=c.txt", "100% natural.jpg", "draft #2.txt"]
DIRS = ["/Documents/Work", "/Photos/2024/Summer trip", "Shared/Marketing & Sales", "/home/alice/projects", "uploads/2024/03",
        "Team Drive/Q1 Reports", "/", "Invoices/2023", "~/Downloads", "Clients/O'Brien Ltd", "Music/AC_DC", "Backups/2024-11-20"]


def rstr(r, alphabet, n):
    return "".join(r.choice(alphabet) for _ in range(n))


HEX = "0123456789abcdef"
AN = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"


def uuid4(r):
    h = rstr(r, HEX, 32)
    return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{r.choice('89ab')}{h[17:20]}-{h[20:]}"


def jwt(r):
    hdr = base64.urlsafe_b64encode(json.dumps({"alg": r.choice(["HS256", "RS256", "ES256"]), "typ": "JWT"}).encode()).decode().rstrip("=")
    pl = {"sub": str(r.randint(1000, 999999)), "iat": 1700000000 + r.randint(0, 9999999), "exp": 1700000000 + r.randint(10000000, 20000000)}
    if r.random() < .5:
        pl["email"] = email(r)
    if r.random() < .5:
        pl["scope"] = r.choice(["read write", "openid profile email", "orders:read"])
    body = base64.urlsafe_b64encode(json.dumps(pl).encode()).decode().rstrip("=")
    return f"{hdr}.{body}.{rstr(r, AN + '-_', 43)}"


def email(r):
    f = r.choice(["john.doe", "maria", "o.brien", "chen.wei", "j_smith", "anna+shop", "dev-team", "info", "k.nakamura", "sam.o'neil",
                  "noreply", "first.last+newsletter", "zoe", "a.b.c", "user123"])
    return f"{f}@{r.choice(['gmail.com', 'example.com', 'outlook.com', 'company.co.uk', 'uni-mannheim.de', 'yahoo.co.jp', 'proton.me', 'mail.example.org'])}"


def phone(r):
    return r.choice([f"+1 ({r.randint(200, 999)}) {r.randint(200, 999)}-{r.randint(1000, 9999)}", f"+44 20 {r.randint(7000, 7999)} {r.randint(1000, 9999)}",
                     f"0{r.randint(150, 179)} {r.randint(1000000, 9999999)}", f"+49-30-{r.randint(100000, 999999)}", f"+81 3-{r.randint(1000, 9999)}-{r.randint(1000, 9999)}",
                     f"{r.randint(200, 999)}.{r.randint(200, 999)}.{r.randint(1000, 9999)}", f"+33 6 {r.randint(10, 99)} {r.randint(10, 99)} {r.randint(10, 99)} {r.randint(10, 99)}",
                     f"+1-555-{r.randint(1000, 9999)} ext. {r.randint(1, 999)}", f"(0{r.randint(10, 99)}) {r.randint(1000, 9999)} {r.randint(1000, 9999)}"])


def date(r):
    y, mo, d = r.randint(2019, 2026), r.randint(1, 12), r.randint(1, 28)
    months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    return r.choice([f"{y}-{mo:02d}-{d:02d}", f"{mo:02d}/{d:02d}/{y}", f"{d:02d}.{mo:02d}.{y}", f"{months[mo - 1]} {d}, {y}", f"{d} {months[mo - 1]} {y}",
                     f"{y}{mo:02d}{d:02d}", f"{y}-W{r.randint(1, 52):02d}", f"{d}/{mo}/{y % 100:02d}", f"{y}-{mo:02d}"])


def datetime(r):
    y, mo, d, h, mi, s = r.randint(2019, 2026), r.randint(1, 12), r.randint(1, 28), r.randint(0, 23), r.randint(0, 59), r.randint(0, 59)
    return r.choice([f"{y}-{mo:02d}-{d:02d}T{h:02d}:{mi:02d}:{s:02d}Z", f"{y}-{mo:02d}-{d:02d}T{h:02d}:{mi:02d}:{s:02d}.{r.randint(0, 999):03d}+02:00",
                     f"{y}-{mo:02d}-{d:02d} {h:02d}:{mi:02d}:{s:02d}", str(1600000000 + r.randint(0, 200000000)), str(1600000000000 + r.randint(0, 200000000000)),
                     f"{y}-{mo:02d}-{d:02d}T{h:02d}:{mi:02d}", f"{h:02d}:{mi:02d}"])


def url(r, same=False):
    d = r.choice(DOMAINS)
    p = r.choice(["/", "/cb", "/oauth/callback", "/auth/return", "/img/a.png", "/feed.xml", "/hooks/in", "/products/123?ref=mail",
                  "/a/b/c.html#top", "/search?q=red+shoes&page=2", "/path/with%20space", "/~user/page", "/en-us/docs/v2.1/"])
    if r.random() < .25:
        d = r.choice(["hooks.slack.com", "api.github.com", "maps.googleapis.com", "www.youtube.com", "en.wikipedia.org", "i.imgur.com", "s3.eu-west-1.amazonaws.com"])
    return f"https://{d}{p}"


def gen(kind, r):
    """One benign value for a parameter kind (str unless the kind is typed)."""
    if kind in ("int", "id"):
        return r.choice([r.randint(1, 99), r.randint(100, 99999), r.randint(100000, 9999999)])
    if kind == "page":
        return r.randint(1, 40)
    if kind == "dim":
        return r.choice([32, 48, 64, 96, 128, 200, 256, 300, 320, 400, 480, 600, 640, 800, 1024, 1080, 1200, 1920])
    if kind == "limit":
        return r.choice([5, 10, 12, 20, 24, 25, 50, 100])
    if kind == "qty":
        return r.randint(1, 12)
    if kind == "port":
        return r.choice([25, 465, 587, 80, 443, 8080, 1883, 993, 22, 53])
    if kind in ("price", "amount"):
        return round(r.uniform(0.5, 2500), 2)
    if kind == "bool":
        return r.choice([True, False])
    if kind == "date":
        return date(r)
    if kind == "datetime":
        return datetime(r)
    if kind == "email":
        return email(r)
    if kind == "phone":
        return phone(r)
    if kind == "fullname":
        return r.choice([f"{r.choice(FIRST)} {r.choice(LAST)}", r.choice(SCRIPTS), f"{r.choice(FIRST)} {r.choice(LAST)}"])
    if kind == "name":
        return r.choice([r.choice(FIRST), f"{r.choice(FIRST)} {r.choice(LAST)}", r.choice(SCRIPTS), r.choice(PRODUCTS).title(), r.choice(["Home", "Work", "Mum's house", "Office #2"])])
    if kind == "username":
        return r.choice(["jdoe", "maria_g", "obrien77", "chen.wei", "k-nakamura", "zoë", "admin_jane", "dev42", "the_real_sam", "user@example.com", "Ω-fan", email(r)])
    if kind == "password":
        return r.choice(["P@ssw0rd!", "correct horse battery staple", "Tr0ub4dor&3", "pa$$w0rd'123", "<3kittens<3", "\"quoted\";pass", "hunter2",
                         "Summer2024!", "ñandú-2024", "日本語パスワード", rstr(r, AN + "!@#$%^&*()-_=+[]{};:,.<>/?~", r.randint(10, 24)), "O'Reilly#1", "1=1or2", "x' y\" z"])
    if kind == "search":
        return r.choice(SEARCHES + PRODUCTS)
    if kind in ("text", "comment", "note"):
        return r.choice(REVIEWS) if r.random() < .4 else compose_text(r)
    if kind == "title":
        return r.choice(POST_TITLES)
    if kind == "post":
        return r.choice(MD_POSTS + REVIEWS) if r.random() < .4 else compose_post(r)
    if kind == "html":
        return r.choice(HTML_POSTS)
    if kind == "bio":
        return r.choice(["Coffee addict ☕ | dev @ Acme | he/him", "Photographer & traveller. 📷 Views are my own.", "Ich liebe Bücher und Kaffee.",
                         "Building things w/ C# & TypeScript. Ex-@BigCorp.", "Mom of 2, runner, O'Brien family historian", "🇯🇵 → 🇩🇪 | UX <3", ""])
    if kind == "slug":
        return r.choice(["summer-sale-2024", "how-to-brew-coffee", "über-uns", "café-de-flore", "why-we-moved-to-rust", "10-tips-for-remote-work",
                         "new-york-style-pizza", "東京-旅行", "привет-мир", "q-and-a", "c-sharp-12-features", "o-brien-family-reunion", "v2.1.0-release-notes"])
    if kind == "sku":
        return r.choice([f"SKU-{r.randint(10000, 99999)}", f"{rstr(r, 'ABCDEFGHJKLMNPQRSTUVWXYZ', 3)}-{r.randint(100, 999)}-{r.choice(['S', 'M', 'L', 'XL'])}", f"B0{rstr(r, 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789', 8)}", str(r.randint(10 ** 11, 10 ** 12))])
    if kind == "url":
        return url(r)
    if kind == "callback":
        return r.choice([url(r), f"https://{r.choice(DOMAINS)}/webhooks/{rstr(r, AN, 12)}", "jsonp_cb_" + str(r.randint(1, 999)),
                         f"jQuery{r.randint(10 ** 15, 10 ** 16)}_{1700000000000 + r.randint(0, 10 ** 10)}", "angular.callbacks._" + str(r.randint(0, 9))])
    if kind == "dataurl":
        raw = bytes(r.randrange(256) for _ in range(r.randint(30, 120)))
        return r.choice(["data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAA" + base64.b64encode(raw).decode(),
                         "data:image/jpeg;base64,/9j/4AAQSkZJRgABAQ" + base64.b64encode(raw).decode(), url(r)])
    if kind == "redirect":
        return r.choice(["/account/settings", "/", "/checkout?step=2", "/orders/12345", "/dashboard#billing", f"https://{r.choice(DOMAINS)}/welcome",
                         "/en/", "%2Faccount%2Forders", "/search?q=shoes&sort=price", "/library/books/978-0-13-468599-1"])
    if kind == "host":
        return r.choice(["smtp.gmail.com", "mail.example.com", "pool.ntp.org", "time.google.com", "8.8.8.8", "1.1.1.1", "router.local",
                         "db-replica-2.internal.example.com", "api.example.com", "dns.quad9.net", "my-nas.local"])
    if kind == "ip":
        return r.choice(["192.168.1.1", "192.168.0.100", "10.0.0.2", "8.8.4.4", "1.1.1.1", "255.255.255.0", "192.168.1.0/24", "0.0.0.0",
                         "172.16.5.4", "fe80::1ff:fe23:4567:890a", "2001:db8::1", "9.9.9.9", "127.0.0.1"])
    if kind == "file":
        return r.choice(FILES)
    if kind == "dirpath":
        return r.choice(DIRS)
    if kind == "template":
        return r.choice(["about", "contact", "faq", "home", "pricing", "terms", "privacy-policy", "careers", "blog", "en/help"])
    if kind == "lang":
        return r.choice(["en", "en-US", "de", "fr-CA", "pt-BR", "zh-Hans", "ja", "es-419", "sr-Latn", "ar"])
    if kind == "currency":
        return r.choice(["USD", "EUR", "GBP", "JPY", "CHF", "BRL", "INR"])
    if kind == "country":
        return r.choice(["US", "DE", "GB", "FR", "JP", "BR", "IN", "NG", "CA", "CI", "Côte d'Ivoire"])
    if kind == "city":
        return r.choice(CITIES)
    if kind == "zip":
        return r.choice(["10001", "94043-1351", "SW1A 1AA", "75008", "100-0001", "01310-200", "H0H 0H0", "8001"])
    if kind == "addr":
        return r.choice(STREETS)
    if kind == "sort":
        return r.choice(["price", "-price", "created_at", "-created_at", "name", "relevance", "price_asc", "date:desc", "updated", "popularity", "rating,-price"])
    if kind == "order":
        return r.choice(["asc", "desc", "ASC", "DESC", "newest", "oldest"])
    if kind == "fields":
        return r.choice(["id,name,email", "id,title,body", "name", "*", "id,created_at,status,total", "title,author.name"])
    if kind == "token":
        return r.choice([rstr(r, AN, 32), rstr(r, HEX, 40), "tok_" + rstr(r, AN, 24), base64.b64encode(bytes(r.randrange(256) for _ in range(24))).decode(), jwt(r)])
    if kind == "jwt":
        return jwt(r)
    if kind == "b64":
        return r.choice([base64.b64encode(bytes(r.randrange(256) for _ in range(r.randint(8, 60)))).decode(),
                         base64.b64encode(json.dumps({"page": r.randint(1, 9), "after": uuid4(r)}).encode()).decode(),
                         base64.urlsafe_b64encode(bytes(r.randrange(256) for _ in range(18))).decode().rstrip("=")])
    if kind == "hash":
        return r.choice([hashlib.sha256(str(r.random()).encode()).hexdigest(), hashlib.md5(str(r.random()).encode()).hexdigest(), "sha256-" + base64.b64encode(hashlib.sha256(str(r.random()).encode()).digest()).decode()])
    if kind == "uuid":
        return uuid4(r)
    if kind == "state":
        return rstr(r, AN + "-_", r.randint(16, 43))
    if kind == "code":
        return rstr(r, AN + "-_", r.randint(20, 40))
    if kind == "scope":
        return r.choice(["openid profile email", "read:user repo", "https://www.googleapis.com/auth/calendar.readonly", "offline_access orders.read", "user-read-email playlist-modify-public"])
    if kind == "color":
        return r.choice(COLORS)
    if kind == "size":
        return r.choice(["S", "M", "L", "XL", "10.5", "EU 42", "32x34", "one size", "6-12 months", "3/4"])
    if kind == "category":
        return r.choice(["electronics", "home & garden", "women's shoes", "kids", "books > sci-fi", "sale", "new-arrivals", "Health/Beauty", "toys-games"])
    if kind == "status":
        return r.choice(["open", "closed", "pending", "shipped", "in_progress", "draft", "published", "archived", "active"])
    if kind == "tag":
        return r.choice(TAGS)
    if kind == "tags":
        return r.sample(TAGS, r.randint(0, 4))
    if kind == "version":
        return r.choice(["1.2.3", "v2", "2024-06-01", "5.3.1 (build 4412)", "17.1.2", "3.0.0-beta.2", "1.0.0+20130313144700"])
    if kind == "coupon":
        return r.choice(["SUMMER24", "WELCOME10", "FREESHIP", "BF-2024-50", "VIP_GOLD", "X7Y8Z9", "MOM'S-DAY"])
    if kind == "iban":
        return r.choice(["DE89 3704 0044 0532 0130 00", "GB29NWBK60161331926819", "FR14 2004 1010 0505 0001 3M02 606", "NL91ABNA0417164300"])
    if kind == "bic":
        return r.choice(["COBADEFFXXX", "NWBKGB2L", "BNPAFRPP", "ABNANL2A"])
    if kind == "ua":
        return r.choice(UAS)
    if kind == "referer":
        return r.choice([url(r), "https://www.google.com/", "android-app://com.google.android.gm/", ""])
    if kind == "tz":
        return r.choice(["Europe/Berlin", "America/New_York", "Asia/Kolkata", "UTC", "America/Argentina/Buenos_Aires", "Etc/GMT+5"])
    if kind == "coords":
        return f"{r.uniform(-60, 70):.6f},{r.uniform(-170, 170):.6f}"
    if kind == "mac":
        return ":".join(rstr(r, "0123456789ABCDEF", 2) for _ in range(6))
    if kind == "expr":
        return r.choice(["2*(3+4)", "x^2 + 3x - 4 = 0", "sqrt(16)", "1/3 + 1/6 = 1/2", "a<b && b<c", "E=mc^2", "10% of 250", "(a+b)^2",
                         "|x| <= 5", "sin(pi/2)", "3 > 2 > 1", "n! / (k! * (n-k)!)", "f(x) = 1/(1+e^-x)", "100 - 7 * 3", "2^10 == 1024"])
    if kind == "grant":
        return r.choice(["authorization_code", "refresh_token", "client_credentials", "urn:ietf:params:oauth:grant-type:device_code"])
    if kind == "rtype":
        return r.choice(["code", "code id_token", "token", "id_token token"])
    if kind == "format":
        return r.choice(["csv", "pdf", "json", "xlsx", "ics", "xml"])
    if kind == "level":
        return r.choice(["error", "warn", "info", "debug"])
    if kind == "ref":
        return r.choice(["newsletter", "google", "fb", "partner_123", "spring-campaign", "twitter", "email-2024-11"])
    return r.choice(PRODUCTS)


TRICKY_CATEGORIES = ["apostrophes", "sql_words", "code_words", "unicode", "math", "html_markup", "markdown", "urls", "file_names",
                     "contact", "dates", "tokens", "symbols"]


def tricky(cat, r):
    """A deliberately awkward but legitimate value. Returns (value, technique)."""
    if cat == "apostrophes":
        return r.choice([f"{r.choice(FIRST)} {r.choice(LAST)}", "I'm not sure it's right", "it's 5'11\"", "rock 'n' roll", "Don't stop me now",
                         "O'Brien's Pub", "McDonald's", "Children's books", "the '80s", "Joe's \"famous\" chili", "She said: 'yes'!",
                         "D'Angelo - Voodoo", "Y'all're welcome", "can't, won't, shan't", "'quoted'", "\"double quoted\"", "L'Oréal",
                         "Ca' d'Oro", "O'Neill & O'Hara LLP"]), "apostrophes"
    if cat == "sql_words":
        return r.choice(TRICKY_SQLISH), "sql_words"
    if cat == "code_words":
        return r.choice(TRICKY_CODEISH), "code_words"
    if cat == "unicode":
        return r.choice(SCRIPTS + ["Crème brûlée 🍮", "ñoño", "Ærøskøbing", "İstanbul", "straße", "ﬁle", "Ｆｕｌｌｗｉｄｔｈ", "😀😃😄", "👨‍👩‍👧‍👦 family pack",
                                   "עברית ועוד", "Zalgo? n̶o̶", "①②③ steps", "≥ 18 years", "½ price", "Ⅻ", "→ next", "€ 12,50", "¥1,000", "™ ® ©"]), "unicode"
    if cat == "math":
        return gen("expr", r), "math"
    if cat == "html_markup":
        return r.choice(HTML_POSTS), "wysiwyg_html"
    if cat == "markdown":
        return r.choice(MD_POSTS), "markdown"
    if cat == "urls":
        return r.choice([url(r), "/account/settings", "https://app.example.com/cb", "https://example.com/a?b=c&d=e", "www.example.com/page",
                         "https://docs.example.io/en/latest/api.html#section-2.1", "https://example.org/~bob/", "ftp.example.com",
                         "https://maps.example.com/?q=40.7128,-74.0060"]), "urls"
    if cat == "file_names":
        return r.choice(FILES + DIRS), "file_names"
    if cat == "contact":
        return r.choice([email(r), phone(r), r.choice(STREETS), f"{r.choice(STREETS)}, {r.choice(CITIES)}"]), "contact"
    if cat == "dates":
        return r.choice([date(r), datetime(r)]), "dates"
    if cat == "tokens":
        return r.choice([jwt(r), gen("b64", r), gen("hash", r), uuid4(r), gen("token", r)]), "tokens"
    return r.choice(["50% off!!!", "C++ & C#", "#1 best seller", "$9.99/mo", "100% cotton", "a+b", "x=1&y=2", "key: value; other: thing", "[draft] (v2)",
                     "~/notes", "*important*", "email@me?", "<3", "->", ":-)", "¯\\_(ツ)_/¯", "<<< back", "!!!", "A/B test", "50/50", "a|b|c", "1,000,000", "~$5"]), "symbols"


OPENERS = ["Honestly,", "Overall", "TL;DR:", "Update:", "Edit:", "So far", "After 3 weeks,", "As a first-time buyer,", "Bought this for my dad;",
           "Compared to my old one,", "Quick note:", "Hi team,", "Hello!", "Re: your email -", "FYI", "PS:", "Ok so", "Two things:", "Hey,", "Long story short,"]
MIDDLES = ["it's great", "the {p} works fine", "shipping took {n} days", "I'd give it {n}/5", "it's a bit small (I'm 5'{n}\")",
           "customer service didn't reply", "the \"large\" is more like a medium", "the price dropped by ${n} a week later", "it fits my {p} perfectly",
           "the app keeps asking me to select a region", "delivery to the drop-off point was fast", "it arrived in {c} on time", "my order #{n} is still 'processing'",
           "could you update the address to {a}?", "please cancel item {n} & refund", "the colour is 'sand', not 'beige'", "we're {n} people + 1 dog",
           "the union jack print is lovely", "order by {d} for Christmas delivery?", "I can't select my size (10 1/2)", "it's 50% off at the store",
           "the checkout said \"error 500\"", "the manual's step 3 -> 4 is confusing", "bring it to the {c} branch", "can I pay 1/3 now and the rest later?",
           "my daughter's name is {f}", "the code WELCOME10 didn't work", "the \"select all\" checkbox is greyed out", "it took {n}-{n} minutes to assemble",
           "I'm allergic to nuts; does it contain any?", "is the {p} dishwasher-safe?", "my flight lands at {t} so check-in after 22:00", "room for 2 adults & 1 child (age {n})",
           "the script font looks great on the invitations", "the cat loves it (and so does the dog)", "I need the invoice in the company's name: {o}"]
JOINERS = [" and ", " but ", "; ", ". Also, ", " - ", ", although ", ". ", " & "]
ENDINGS = ["Recommended!", "Would buy again.", ":)", "👍", "— J.", "Thanks!", "", "(edited)", "#happy", "10/10", "Not worth it IMO.", "Cheers,", "Merci !",
           "Best regards", "xoxo", "!!!", "...", "Thanks in advance :-)", "🙏", "Kind regards, {f}"]
ORGS = ["AT&T", "O'Reilly Media", "Müller & Söhne GmbH", "Smith-Jones Ltd.", "Toys\"R\"Us", "Ben & Jerry's", "Café de l'Union"]


def _fillin(s, r):
    return (s.replace("{p}", r.choice(PRODUCTS)).replace("{n}", str(r.randint(1, 99))).replace("{c}", r.choice(CITIES)).replace("{a}", r.choice(STREETS))
             .replace("{d}", date(r)).replace("{f}", r.choice(FIRST)).replace("{t}", f"{r.randint(0, 23):02d}:{r.randint(0, 59):02d}").replace("{o}", r.choice(ORGS)))


def compose_text(r):
    parts = [r.choice(OPENERS) + " " if r.random() < .6 else "", _fillin(r.choice(MIDDLES), r)]
    if r.random() < .6:
        parts += [r.choice(JOINERS), _fillin(r.choice(MIDDLES), r)]
    end = _fillin(r.choice(ENDINGS), r)
    body = "".join(parts).strip()
    if body[-1] not in ".!?)":
        body += "."
    return body + (" " + end if end else "")


def compose_post(r):
    t = r.randrange(4)
    if t == 0:
        return f"**{r.choice(POST_TITLES)}**\n\n{compose_text(r)}\n\n- {compose_text(r)}\n- {compose_text(r)}"
    if t == 1:
        return f"> {compose_text(r)}\n\n{compose_text(r)}"
    if t == 2:
        return f"{compose_text(r)} See [this link]({url(r)}) for details."
    return f"{compose_text(r)}\n\n{compose_text(r)}"


SNIPPETS = ["SELECT id, name FROM customers WHERE country = 'DE' ORDER BY name", "UPDATE orders SET status = 'shipped' WHERE id = 42",
            "SELECT COUNT(*) FROM events GROUP BY day HAVING COUNT(*) > 10", "INSERT INTO tags (name) VALUES ('a'), ('b')",
            "DROP TABLE IF EXISTS tmp_import;", "SELECT * FROM a LEFT JOIN b ON a.id = b.a_id UNION SELECT * FROM c",
            "grep -rn \"TODO\" src/ | wc -l", "find . -name '*.log' -mtime +7 -delete", "cat /etc/os-release", "tar -czf backup.tgz ./data && ls -lh",
            "curl -s https://api.example.com/v1/status | jq .", "chmod +x ./run.sh; ./run.sh --verbose", "ssh -i ~/.ssh/id_ed25519 deploy@10.0.0.5",
            "<script src=\"/js/app.js\"></script>", "<img src=\"logo.png\" onerror=\"this.style.display='none'\">", "<a href=\"#\" onclick=\"toggle()\">menu</a>",
            "{{ post.title | upper }}", "{% for item in items %}{{ item }}{% endfor %}", "${user.name}", "<%= @user.email %>", "#{name}",
            "db.orders.find({ total: { $gte: 100 } })", "{ \"$match\": { \"status\": \"A\" } }", "import os; os.path.join(base, '..', 'data')",
            "open('../config/settings.yaml')", "fetch('http://localhost:8080/api')", "new URL('http://127.0.0.1:3000')", "XMLHttpRequest",
            "document.getElementById('x').innerHTML = html", "eval(userInput) // bad idea?", "Runtime.getRuntime().exec(cmd)", "<!DOCTYPE html>",
            "<?xml version=\"1.0\"?><!DOCTYPE note SYSTEM \"note.dtd\">", "logger.info(\"user {} logged in\", name)", "${jndi:ldap://...}",
            "ping -c 4 8.8.8.8", "ORDER BY 1 DESC", "WHERE name LIKE '%son'", "1=1", "' OR '1'='1", "..\\..\\windows", "/etc/passwd"]
INTROS = ["Quick question:", "Newbie here.", "Can someone explain why", "In our code review someone flagged", "Our security scanner reports",
          "I'm learning and I found", "Stack trace after running", "Is this safe?", "Why does", "How do I escape", "Our WAF blocks", "Docs say to use"]
QUESTIONS = ["— what am I doing wrong?", "Any idea?", "Is that a vulnerability or a false positive?", "Thanks!", "(Postgres 15)", "on Ubuntu 22.04",
             "in production?", "Works locally, fails in CI.", "Should I parameterize this?", "Is there a cleaner way?", "Why is it slow?", "Explain like I'm five pls."]


def ambiguous(r):
    if r.random() < .35:
        return r.choice(CODE_POSTS)
    snip = r.choice(SNIPPETS)
    fence = r.choice(["`{}`", "```\n{}\n```", "    {}", "\"{}\"", "{}"])
    return f"{r.choice(INTROS)} {fence.format(snip)} {r.choice(QUESTIONS)}"
