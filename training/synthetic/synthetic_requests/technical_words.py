"""Word lists for the benign kinds of benign_technical.py: developer text, display names, secrets,
GraphQL operations, text in many scripts, URLs and file names. Each list is split in TRAIN/EVAL halves.

Written for this generator from general knowledge of what people type into forums, issue trackers,
profile pages and API clients. The point of these lists: symbols that also occur in attacks (`|`, `\\`,
`;`, quotes, `<`, `>`, `--`, `#`, `*`, `$`, `{}`) are common in ordinary text.
"""

# Windows paths quoted in questions and bug reports ({user}, {app}, {file} are filled in).
WINDOWS_PATHS = [
    "C:\\Users\\{user}\\Documents\\{file}", "C:\\Users\\{user}\\AppData\\Local\\{app}\\logs", "C:\\Program Files\\{app}\\",
    "C:\\Program Files (x86)\\{app}\\bin\\{app}.exe", "D:\\projects\\{app}\\src\\main.py", "%APPDATA%\\{app}\\settings.json",
    "C:\\Users\\{user}\\Desktop\\{file}", "E:\\Photos\\2019\\{file}", "\\\\fileserver\\shared\\team\\{file}",
    "C:\\dev\\{app}\\node_modules\\.bin", "C:\\tools\\{app}\\config.ini", "%USERPROFILE%\\.{app}\\config",
    "C:\\Users\\{user}\\Downloads\\{file}", "D:\\backup\\{app}-export\\{file}", "C:\\ProgramData\\{app}\\cache",
    "C:\\Users\\{user}\\source\\repos\\{app}\\{app}.sln", "Z:\\Scans\\{file}", "C:\\Temp\\{file}",
]
DEV_APPS = """vscode python311 nodejs git docker blender obs-studio steam gimp inkscape postgres android-studio
unity zoom slack notion figma dbeaver putty winscp""".split()

# Regular expressions people paste into questions about validation.
REGEXES = [
    "^\\d{3}-\\d{4}$", "^[A-Z]{2}\\d{6}$", "[a-z0-9._%+-]+@[a-z0-9.-]+\\.[a-z]{2,}", "^\\s*$", "(\\d+)\\.(\\d+)\\.(\\d+)",
    "^(?:\\+?1[-. ]?)?\\(?\\d{3}\\)?[-. ]?\\d{3}[-. ]?\\d{4}$", "\\b(cat|dog)s?\\b", "^#?([a-f0-9]{6}|[a-f0-9]{3})$",
    "(?i)colou?r", "^[^<>]*$", "\\$\\{(\\w+)\\}", "[\\u4e00-\\u9fff]+", "^(?=.*[A-Z])(?=.*\\d).{8,}$", "\\s{2,}",
    "^\\w+(,\\s*\\w+)*$", "(?<=\\$)\\d+(\\.\\d{2})?", "^[a-z]+(-[a-z]+)*$", "\\[(.*?)\\]", "^/api/v\\d+/.*$",
    "(foo|bar)+baz", "^\\d{5}(-\\d{4})?$", "[^\\x00-\\x7F]", "^https?://[^/]+", "a{2,3}|b*",
]

# Shell pipelines quoted as part of a question (a minority of developer text).
PIPELINES = [
    "ps aux | grep node", "cat access.log | sort | uniq -c", "git log --oneline | head -20", "kubectl get pods | grep CrashLoop",
    "du -sh * | sort -h", "history | grep ssh", "ls -la | less", "docker ps -a | grep Exited", "find . -name '*.log' | xargs rm",
    "npm ls | grep react", "echo $PATH | tr ':' '\\n'", "pip freeze | grep -i django", "dmesg | tail", "lsof -i :8080",
    "journalctl -u nginx | tail -50", "grep -r 'TODO' src/ | wc -l", "curl -s localhost:3000/health | jq .status",
    "cat data.csv | cut -d, -f2 | sort", "brew list | grep python", "env | grep -i proxy",
]

MATH = [
    "x^2 + 3*x - 4 = 0", "\\frac{a}{b}", "2*(3+4)", "|a| + |b| >= |a+b|", "\\sqrt{x^2 + y^2}", "f(x) = |x - 1|",
    "a|b and b|c implies a|c", "\\sum_{i=1}^{n} i = n(n+1)/2", "P(A|B) = P(B|A) * P(A) / P(B)", "n! / (k! * (n-k)!)",
    "e^{i\\pi} + 1 = 0", "\\{x \\mid x > 0\\}", "\\int_0^1 x^2\\,dx = 1/3", "a <= b && b < c", "x != y",
    "(a+b)^2 = a^2 + 2ab + b^2", "\\alpha + \\beta = \\gamma", "\\lim_{x \\to 0} \\sin(x)/x = 1", "3/4 + 1/8 = 7/8",
    "y = mx + b", "\\det(A) = ad - bc", "\\mathbb{R}^n", "\\|v\\| = 1", "10 % 3 == 1", "log_2(8) = 3", "\\binom{5}{2} = 10",
    "\\overline{AB} \\perp \\overline{CD}", "5 * 7 = 35", "x > 5 || x < -5", "\\text{if } x \\ge 0",
]

MARKDOWN = [
    "**bold** and _italic_", "* first item\n* second item", "> {quote}", "| name | value |\n|------|-------|\n| a | 1 |",
    "`npm install`", "## Steps to reproduce\n1. open the app\n2. click save", "- [ ] write tests\n- [x] fix typo",
    "~~old price~~ new price", "[docs]({url})", "```\n{code}\n```", "**Note:** this is *not* a bug",
    "| OS | Version |\n|:--|--:|\n| Windows | 11 |", "***", "### TL;DR", "> **Edit:** fixed in v2",
    "1. install\n2. configure\n3. profit", "![screenshot]({url})", "<kbd>Ctrl</kbd> + <kbd>C</kbd>", "H~2~O and x^2^",
]
CODE_SNIPPETS = [
    "for (int i = 0; i < n; i++) { sum += a[i]; }", "const x = items.filter(i => i.done).length;", "if (a == null || b == null) return;",
    "SELECT name FROM plans WHERE active = true;", "print(f\"{name!r}\")", "let total = prices.reduce((a, b) => a + b, 0);",
    "public static void main(String[] args)", "df.groupby('city')['sales'].sum()", "#include <stdio.h>", "x = [i**2 for i in range(10)]",
    "fn main() { println!(\"hi\"); }", "git rebase -i HEAD~3", "std::vector<int> v{1, 2, 3};", "def __init__(self, *args, **kwargs):",
    "@media (max-width: 600px) { .nav { display: none; } }", "var $el = $('.menu');", "echo \"done\" >> build.log",
]

EMOTICONS = [":-)", ";-)", ":)", ":D", "\u00af\\_(\u30c4)_/\u00af", "<3", ":'(", "^_^", "o_O", "XD", "(\u256f\u00b0\u25a1\u00b0)\u256f\ufe35 \u253b\u2501\u253b", ":-/",
             ">_<", "\\o/", ":P", "\U0001f44d", "\U0001f389", "\U0001f602", ":-|", "=)", "(^_^;)", "T_T", "</3", ";)", "\U0001f64f", "8-)"]

# Question and comment frames; {x} is the quoted technical thing, {e} an emoticon.
DEV_FRAMES = [
    "How do I {verb} {x}?", "Why does {x} not work on Windows? {e}", "Getting an error with {x} -- any ideas?",
    "LGTM {e} nit: could you explain {x} in a comment?", "Can someone explain what {x} means?", "{x} works for me, thanks! {e}",
    "Tried {x} but still stuck. Using version {n}.", "Re: {x}", "Suggestion: replace {x} with something simpler",
    "Is {x} the right approach here? Asking for a friend {e}", "Step 3 says {x}, is that a typo?", "TIL: {x} {e}",
    "Update: {x} fixed it.", "[{tag}] {x} fails after upgrade", "Docs should mention {x}", "{e} {x}",
    "Question about {x} (beginner here)", "Works: {x}\nDoesn't: {x2}", "Duplicate of #{n}? Both mention {x}",
    "Not sure about {x}; maybe ask on the forum.",
]
DEV_VERBS = ["use", "escape", "match", "simplify", "debug", "read", "fix", "type", "format", "test", "write", "convert"]
DEV_TAGS = ["bug", "question", "help wanted", "docs", "windows", "regex", "build", "ux", "perf", "good first issue", "wontfix", "math"]

# Display names, bios, titles and product names with separators and symbols.
DISPLAY_TEMPLATES = [
    "Coffee \u2615 | dev @ {brand} | she/her", "Home | {brand} Shop", "{first} & {first2}", "R&D; Sales", "50% off!",
    "\u00a5{n},000", "\u20ac{n}", "\u00a3{n}.99", "C# developer", "C++ / Rust", "AT&T", "#1 fan of {noun}", "O'Brien; Smith",
    "{first} ({pronouns})", "{role} @ {brand} | ex-{brand2}", "{first} {last} | {role}", "\"{noun}\" collector", "{brand} -- {noun} & more",
    "{first} \U0001f308 {city}", "{first}'s {noun} shop", "{role} // {city} // {pronouns}", "Team {noun} (#{n})", "{brand}\u2122 {noun}",
    "{noun} > {noun2}", "I <3 {noun}", "{first} :: {role}", "{noun} | {noun2} | {noun3}", "{first}_{last}!!", "Size: {n}\" x {n2}\"",
    "100% {noun}; machine-wash", "Buy 1 & get 1 50% off (today only!)", "{brand} [{role}]", "\u2605\u2605\u2605\u2605\u2606 {noun}",
    "{first} ~ {role} ~ {city}", "Q&A with {first}", "{noun}/{noun2} - {city}", "{role}; {role2}", "{first} {last}, PhD",
    "Mr. & Mrs. {last}", "{brand} + {brand2} = \u2764\ufe0f", "${n} {noun}", "{first}@{brand} (not a real email)", "v{n}.0 -- {noun} edition",
    "#{noun} #{noun2}", "{noun} \u2192 {noun2}", "<{first}> {role}", "{first} \"{nick}\" {last}", "{city} \u00b7 {role} \u00b7 {pronouns}",
]
ROLES = """engineer designer founder PM writer barista nurse teacher student photographer dad mum gamer DJ coach
SRE data-nerd CTO chef maker""".split()
PRONOUNS = ["she/her", "he/him", "they/them", "she/they", "he/they", "any pronouns"]
NICKNAMES = ["Red", "Ace", "Doc", "Sunny", "Bear", "Kid", "Boss", "Skip", "Tiny", "Mo", "Jazz", "Bee"]

# Characters a password manager puts into generated passwords, and passphrase separators.
PASSWORD_SYMBOLS = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"
PASSPHRASE_SEPARATORS = ["-", ";", "|", "\\", "#", "--", ".", " ", "'", "_", "+", "~"]
SECRET_FIELDS = """client_secret api_key apiKey webhook_secret secret_key passphrase master_password wifi_password
signing_secret private_token app_password smtp_password db_password access_key""".split()
PASSWORD_CHANGE_FIELDS = ["current_password", "new_password", "password_confirmation", "old_password", "confirm_password",
                          "newPassword", "currentPassword", "password2"]

# GraphQL operation names and fields, including words that are also code words.
GRAPHQL_VERBS = """Import Print Open Exec Eval System Require Write Select Delete Union Drop Insert Update Load Execute
Run Include Process Spawn Shell Script Alert Fetch Create Get List Search Sync Archive Merge Sleep Kill Cast Declare""".split()
GRAPHQL_NOUNS = """Contacts Invoice Report File Order Users Product Cart Session Document Payment Playlist Task Ticket Comment
Profile Settings Shipment Template Workspace Backup Plan Job Query Command Feed""".split()
GRAPHQL_FIELDS = """id name title email createdAt updatedAt status price total url fileName description body author
slug avatarUrl role permissions select union exec system eval script path command source target
password_hint count edges node cursor pageInfo hasNextPage endCursor tags items owner type value""".split()
GRAPHQL_TYPES = ["User", "Product", "Order", "Invoice", "File", "Comment", "Report", "Task", "Team", "Project", "Address", "Payment"]

# Text in many scripts, as people type it into search boxes, reviews and names.
MULTISCRIPT = [
    "\u043f\u0440\u0438\u0432\u0435\u0442, \u043a\u0430\u043a \u0434\u0435\u043b\u0430?", "\u0434\u043e\u0441\u0442\u0430\u0432\u043a\u0430 \u0432 \u041c\u043e\u0441\u043a\u0432\u0443", "\u041e\u0442\u043b\u0438\u0447\u043d\u044b\u0439 \u0442\u043e\u0432\u0430\u0440! \u0420\u0435\u043a\u043e\u043c\u0435\u043d\u0434\u0443\u044e.", "\u0443\u043a\u0440\u0430\u0457\u043d\u0441\u044c\u043a\u0430 \u043c\u043e\u0432\u0430",
    "\u039a\u03b1\u03bb\u03b7\u03bc\u03ad\u03c1\u03b1 \u03c3\u03b1\u03c2", "\u0391\u03b8\u03ae\u03bd\u03b1 \u2013 \u0398\u03b5\u03c3\u03c3\u03b1\u03bb\u03bf\u03bd\u03af\u03ba\u03b7", "\u03b1\u03bd\u03c4\u03af\u03b3\u03c1\u03b1\u03c6\u03bf \u03c4\u03b9\u03bc\u03bf\u03bb\u03bf\u03b3\u03af\u03bf\u03c5",
    "\u0645\u0631\u062d\u0628\u0627 \u0628\u0643\u0645", "\u0634\u0643\u0631\u0627\u064b \u062c\u0632\u064a\u0644\u0627\u064b!", "\u0627\u0644\u0634\u062d\u0646 \u0625\u0644\u0649 \u062f\u0628\u064a", "\u0633\u0639\u0631 \u0627\u0644\u0647\u0627\u062a\u0641 \u061f",
    "\u05e9\u05dc\u05d5\u05dd \u05e2\u05d5\u05dc\u05dd", "\u05ea\u05d5\u05d3\u05d4 \u05e8\u05d1\u05d4", "\u05de\u05e9\u05dc\u05d5\u05d7 \u05dc\u05ea\u05dc \u05d0\u05d1\u05d9\u05d1",
    "\u6771\u4eac\u30bf\u30ef\u30fc\u306e\u8fd1\u304f", "\u30ab\u30d5\u30a7\u30e9\u30c6\u3092\u304f\u3060\u3055\u3044", "\u65e5\u672c\u8a9e\u306e\u30ad\u30fc\u30dc\u30fc\u30c9", "\u4f60\u597d\uff0c\u4e16\u754c", "\u4e0a\u6d77\u5e02\u6d66\u4e1c\u65b0\u533a",
    "\u8fd9\u4e2a\u4ea7\u54c1\u5f88\u597d\uff01", "\u53f0\u5317 101 \u9644\u8fd1\u7684\u9910\u5385", "\uc548\ub155\ud558\uc138\uc694", "\uc11c\uc6b8 \uac15\ub0a8\uad6c \ub9db\uc9d1", "\ubc30\uc1a1\uc774 \ube68\ub77c\uc694 \U0001f44d",
    "\u0928\u092e\u0938\u094d\u0924\u0947 \u0926\u0941\u0928\u093f\u092f\u093e", "\u092e\u0941\u0902\u092c\u0908 \u092e\u0947\u0902 \u0921\u093f\u0932\u0940\u0935\u0930\u0940", "\u0927\u0928\u094d\u092f\u0935\u093e\u0926!", "\u0e2a\u0e27\u0e31\u0e2a\u0e14\u0e35\u0e04\u0e23\u0e31\u0e1a",
    "\u0e01\u0e23\u0e38\u0e07\u0e40\u0e17\u0e1e\u0e21\u0e2b\u0e32\u0e19\u0e04\u0e23", "\u0e02\u0e2d\u0e1a\u0e04\u0e38\u0e13\u0e21\u0e32\u0e01 \U0001f64f", "\U0001f355\U0001f355 pizza night \U0001f389", "\u2615\ufe0f + \U0001f950 = \u2764\ufe0f",
    "Stra\u00dfe 12, M\u00fcnchen", "\u0141\u00f3d\u017a, ul. Piotrkowska", "\u010ce\u0161tina \u0161koly", "\u00c5rhus \u00e6\u00f8\u00e5", "caf\u00e9 cr\u00e8me br\u00fbl\u00e9e",
    "\u0130stanbul'da kahvalt\u0131", "Ti\u1ebfng Vi\u1ec7t c\u00f3 d\u1ea5u", "\u10e5\u10d0\u10e0\u10d7\u10e3\u10da\u10d8", "\u0540\u0561\u0575\u0565\u0580\u0565\u0576", "\u12a0\u121b\u122d\u129b",
    "\u0baa\u0bc6\u0b99\u0bcd\u0b95\u0bb3\u0bc2\u0bb0\u0bc1", "\u09ac\u09be\u0982\u09b2\u09be \u09ad\u09be\u09b7\u09be", "\u0633\u0644\u0627\u0645 \u062f\u0648\u0633\u062a\u0627\u0646", "\u1019\u103c\u1014\u103a\u1019\u102c",
]

# URL shapes people put into fields; {host} a public host, {idn} an internationalised one.
URL_SHAPES = [
    "https://{host}/{path}?{k}={v}&{k2}={v2}#{frag}", "https://{host}:{port}/{path}", "https://{idn}/{path}",
    "https://{host}/#/{path}?tab={v}", "http://{host}/{path}/?ref={v}", "https://{host}/{path}.html#section-{n}",
    "https://{host}/search?q={v}+{v2}&lang=en", "mailto:{user}@{host}?subject=Hello%20there", "tel:+1-555-01{n}",
    "https://www.{idn}/", "https://{host}/{path}?utm_source=news&utm_medium=email", "https://{host}/@{user}/{path}",
    "https://{host}/maps/@51.50{n},-0.12{n},15z", "https://{host}/wiki/{wiki}", "https://{host}/{path}?ids[]={n}&ids[]={n2}",
    "https://{host}/{path};jsessionid={hex}", "https://{host}/~{user}/{path}/", "https://{host}/{path}?filter=price:10-{n}",
    "https://{host}/{path}?q=%22{v}%22", "https://{host}:{port}/{path}?{k}=",
]
IDN_HOSTS = ["b\u00fccher.example", "xn--bcher-kva.example", "m\u00fcnchen.example.de", "\u4f8b\u3048.example.jp", "\u043f\u0440\u0438\u043c\u0435\u0440.example",
             "xn--e1afmkfd.example", "caf\u00e9.example.fr", "\u00f8l.example.no", "\u0645\u062b\u0627\u0644.example", "xn--mgbh0fb.example"]
WIKI_TITLES = ["C%2B%2B", "Rock_%27n%27_roll", "AT%26T", "Caf%C3%A9", "Pi_(number)", "The_Matrix_(1999_film)", "Tom_%26_Jerry",
               "Q%26A", "%C3%9Cber", "Ampersand_(%26)", "Percent_sign", "Foo%7CBar"]
URL_FIELDS = ["website", "homepage", "link", "url", "source_url", "blog", "portfolio", "profile_url", "feed_url", "image_url"]

# File names with spaces, parentheses, brackets and other symbols, as operating systems and people make them.
FILE_NAME_SHAPES = [
    "Report (final) [v2].pdf", "IMG_{n} (1).JPG", "R\u00e9sum\u00e9 \u2013 {first}.docx", "Q{q} budget #{n}.xlsx", "notes & ideas.txt",
    "{first}'s photo copy.png", "data_2024-05-01T10_00.csv", "\u5b63\u5ea6\u62a5\u544a.pdf", "~$draft.docx", "archive.tar.gz",
    "Screenshot 2024-05-01 at 10.22.31.png", "Invoice #{n}; paid.pdf", "100% done!.txt", "{first} {last} - CV (2).pdf",
    "plan {old}.odt", "Scan 0{n}.tiff", "minutes (draft, do not share).docx", "photo [edited].heic", "{first}+{first2} wedding.mov",
    "\u041e\u0442\u0447\u0451\u0442 \u0437\u0430 \u043c\u0430\u0439.xlsx", "budget=final.xls", "a,b,c.csv", "Book1 (version 1).xlsb", "v1.2.3-beta+build.{n}.zip",
    "\u2605 favourites \u2605.txt", "{first}_{last}__signed.pdf", "chapter 1 -- intro.md", "[{n}] slides.key", "my song (live @ home).mp3",
]
