"""Benign requests of network administration consoles (routers, firewalls, NAS boxes, cloud and server
settings): addresses, netmasks, CIDR ranges, MAC addresses, ports and host names as values.

Without them an IP address in a value is, for the model, the mark of SSRF: its attacks are full of
them and ordinary training traffic had none. Private and loopback addresses appear here without a
URL scheme, as such forms take them; a URL whose host is internal stays the SSRF signal.
"""
from .draft import Draft, FORM_TYPES, JSON_TYPES

ENDPOINTS = [
    "/cgi-bin/luci/admin/network/lan", "/goform/setLan", "/apply.cgi", "/admin/network", "{p}/network/interfaces/{id}",
    "/settings/dhcp", "/firewall/rules/new", "{p}/firewall/rules", "/setup/wan", "{p}/vpn/peers", "/nas/settings/network",
    "{p}/security-groups/{id}/rules", "/admin/dns", "{p}/servers/{id}/network", "/router/portforward", "/status/ping",
    "{p}/allowlist", "/system/ntp", "{p}/clusters/{id}/nodes", "/admin/smtp",
]
ADDRESS_FIELDS = [
    "lan_ip", "ip", "ipaddr", "address", "gateway", "gw", "dns1", "dns2", "dns_server", "dhcp_start", "dhcp_end", "wan_ip",
    "static_ip", "bind_address", "listen", "primary_dns", "secondary_dns", "ntp_server", "syslog_host", "target", "peer_ip",
    "host", "next_hop", "relay", "server_ip", "ping_target",
]
MASK_FIELDS = ["netmask", "lan_mask", "subnet_mask", "mask", "prefix"]
RANGE_FIELDS = ["allowed_ips", "source", "destination", "cidr", "cidr_block", "network", "allow_from", "deny_from", "subnet", "route"]
PORT_FIELDS = ["port", "external_port", "internal_port", "smtp_port", "listen_port", "mtu", "vlan_id", "lease_time", "ttl"]
NAME_FIELDS = ["hostname", "device_name", "domain", "search_domain", "ssid", "interface", "iface", "label", "workgroup"]
OTHER_FIELDS = ["mac", "mac_address", "protocol", "action", "enabled", "mode", "proto", "direction"]
HOST_WORDS = ["nas", "printer", "office-ap", "gw", "core-sw1", "cam-front", "media", "build01", "db-replica", "vpn", "home", "lab"]
DOMAINS = [".local", ".lan", ".home.arpa", ".internal.example", ".corp.example", ""]


class BenignNetwork:
    def __init__(self, pools, vocabulary):
        half = pools.half
        self.v = vocabulary
        self.endpoints = half("network_endpoints", ENDPOINTS)
        self.address_fields = half("network_address_fields", ADDRESS_FIELDS)
        self.mask_fields = half("network_mask_fields", MASK_FIELDS)
        self.range_fields = half("network_range_fields", RANGE_FIELDS)
        self.port_fields = half("network_port_fields", PORT_FIELDS)
        self.name_fields = half("network_name_fields", NAME_FIELDS)
        self.other_fields = half("network_other_fields", OTHER_FIELDS)
        self.host_words = half("network_host_words", HOST_WORDS)
        self.domains = half("network_domains", DOMAINS)

    def kinds(self) -> list:
        """(name, weight, builder) in the units of benign.Benign.kinds."""
        return [("network_settings", 2, self.settings)]

    def _address(self, rng) -> str:
        kind = rng.random()
        if kind < 0.35:
            return f"192.168.{rng.choice([0, 1, 1, 2, 10, 50, 88, 178])}.{rng.randint(1, 254)}"
        if kind < 0.55:
            return f"10.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}"
        if kind < 0.65:
            return f"172.{rng.randint(16, 31)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}"
        if kind < 0.8:
            return rng.choice(["1.1.1.1", "8.8.8.8", "9.9.9.9", "8.8.4.4", "1.0.0.1", "208.67.222.222"]) if rng.random() < 0.5 \
                else f"{rng.randint(11, 223)}.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}"
        if kind < 0.9:
            return rng.choice(["fe80::1", "fd00::1", "2001:db8::1", "::1", "2606:4700:4700::1111"]) if rng.random() < 0.5 \
                else "2001:db8:" + ":".join(f"{rng.randint(0, 65535):x}" for _ in range(rng.randint(1, 4))) + "::" + f"{rng.randint(1, 255):x}"
        return rng.choice(["0.0.0.0", "127.0.0.1", "localhost", "::"])

    def _range(self, rng) -> str:
        base = self._address(rng)
        if ":" in base:
            return f"{base.rsplit('::', 1)[0]}::/{rng.choice([48, 56, 64])}"
        octets = base.split(".") if base[0].isdigit() else ["10", "0", "0", "0"]
        prefix = rng.choice([8, 12, 16, 20, 22, 24, 24, 24, 28, 32])
        return ".".join(octets[:3] + ["0"]) + f"/{prefix}"

    def _value(self, val, kind):
        rng = val.rng
        if kind == "address":
            return self._address(rng)
        if kind == "mask":
            return rng.choice(["255.255.255.0", "255.255.0.0", "255.255.255.128", "255.255.252.0", "24", "/24", "64"])
        if kind == "range":
            ranges = [self._range(rng) for _ in range(rng.choice([1, 1, 2, 3]))]
            return rng.choice([",", ", ", " ", "\n"]).join(ranges)
        if kind == "port":
            return str(rng.choice([22, 53, 80, 443, 1500, 1492, 3389, 5000, 8080, 8443, 25, 587, 993, 51820, 86400, rng.randint(1, 65535)]))
        if kind == "name":
            return val.pick(self.host_words) + (str(rng.randint(1, 9)) if rng.random() < 0.3 else "") + val.pick(self.domains)
        return rng.choice([":".join(f"{rng.randint(0, 255):02x}" for _ in range(6)),
                           "-".join(f"{rng.randint(0, 255):02X}" for _ in range(6)),
                           rng.choice(["tcp", "udp", "any", "icmp", "tcp/udp"]), rng.choice(["allow", "deny", "accept", "drop"]),
                           rng.choice(["on", "off", "1", "0", "true"]), rng.choice(["static", "dhcp", "pppoe", "bridge"])])

    def settings(self, val):
        rng = val.rng
        prefix = rng.choice(self.v.api_prefixes + [""])
        path = val.pick(self.endpoints).format(p=prefix, id=val.number(1, 9999))
        segments = path.split("/")[1:] or [""]
        pools = [("address", self.address_fields)] * 3 + [("mask", self.mask_fields), ("range", self.range_fields),
                                                         ("port", self.port_fields), ("name", self.name_fields), ("other", self.other_fields)]
        fields = []
        for _ in range(rng.randint(1, 6)):
            kind, names = rng.choice(pools)
            fields.append((val.pick(names), self._value(val, kind)))
        carrier = rng.random()
        if carrier < 0.3:
            return Draft("GET", segments, fields)
        if carrier < 0.7:
            return Draft("POST", segments, form=fields, content_type=rng.choice(FORM_TYPES))
        return Draft(rng.choice(["POST", "PUT", "PATCH"]), segments, json_body=dict(fields), content_type=rng.choice(JSON_TYPES))
