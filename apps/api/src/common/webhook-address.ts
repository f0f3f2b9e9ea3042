import { lookup as dnsLookup } from 'node:dns';
import { BlockList, isIP, type LookupFunction } from 'node:net';

type Kind = 'loopback' | 'link-local' | 'private' | 'unspecified' | 'reserved';

const KIND_ZH: Record<Kind, string> = {
  loopback: '本机回环地址',
  'link-local': '链路本地地址',
  private: '内网地址',
  unspecified: '未指定地址',
  reserved: '保留地址',
};
const KIND_EN: Record<Kind, string> = {
  loopback: 'a loopback address',
  'link-local': 'a link-local address',
  private: 'a private address',
  unspecified: 'an unspecified address',
  reserved: 'a reserved address',
};

/** Addresses a webhook may not reach: this server, its networks, and what is no one's (IPv4-mapped IPv6 matches the IPv4 rules). */
const RANGES: Array<[Kind, string, number]> = [
  ['unspecified', '0.0.0.0', 8],
  ['loopback', '127.0.0.0', 8],
  ['private', '10.0.0.0', 8],
  ['private', '172.16.0.0', 12],
  ['private', '192.168.0.0', 16],
  ['link-local', '169.254.0.0', 16],
  ['reserved', '100.64.0.0', 10],
  ['reserved', '224.0.0.0', 4],
  ['reserved', '240.0.0.0', 4],
  ['unspecified', '::', 128],
  ['loopback', '::1', 128],
  ['link-local', 'fe80::', 10],
  ['private', 'fc00::', 7],
  ['private', 'fec0::', 10],
  ['reserved', 'ff00::', 8],
];
const BLOCKED = RANGES.map(([kind, network, prefix]) => {
  const list = new BlockList();
  list.addSubnet(network, prefix, isIP(network) === 6 ? 'ipv6' : 'ipv4');
  return { kind, list };
});

const family = (address: string) => (isIP(address) === 6 ? 'ipv6' : 'ipv4');
const bare = (hostname: string) =>
  hostname
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '')
    .toLowerCase();

/** A webhook target refused by the address rule; a delivery refused so is failed at once, not retried. */
export class WebhookRefusedError extends Error {
  constructor(
    readonly messageZh: string,
    readonly messageEn: string,
  ) {
    super(`${messageZh} / ${messageEn}`);
  }
}

/**
 * Webhooks go to public addresses only, so that an admin's URL cannot make the server call itself or its internal
 * networks; WEBHOOK_ALLOW_HOSTS names the exceptions (host names as written in the URL, IP addresses, CIDR ranges).
 * The host as written is checked when the URL is set; the addresses it resolves to are checked again when sending,
 * in the very lookup the connection uses, so that a name re-pointed later cannot slip through.
 */
export class WebhookAddressRule {
  private readonly names = new Set<string>();
  private readonly networks = new BlockList();

  /** `allow` as AppConfig validated it: host names, IP addresses and CIDR ranges. */
  constructor(allow: readonly string[]) {
    for (const entry of allow) {
      const [network, prefix] = entry.split('/');
      if (isIP(network) && prefix !== undefined) this.networks.addSubnet(network, Number(prefix), family(network));
      else if (isIP(network)) this.networks.addAddress(network, family(network));
      else this.names.add(bare(entry));
    }
  }

  /** Why a URL's host as written may not be a webhook (an address or localhost), or null. */
  refusalOf(url: URL): WebhookRefusedError | null {
    const host = bare(url.hostname);
    if (this.names.has(host)) return null;
    if (host === 'localhost' || host.endsWith('.localhost')) return this.refusal(host, 'loopback');
    return isIP(host) ? this.refusalOfAddress(host, host) : null;
  }

  /** Why the request may not go out, judged before connecting: an address as written never reaches lookup, so it is checked here; a name is left to lookup. */
  refusalBeforeSending(url: URL): WebhookRefusedError | null {
    const host = bare(url.hostname);
    return isIP(host) ? this.refusalOfAddress(host, host) : null;
  }

  /** dns.lookup for the sending request: a name resolving to any address the rule refuses fails the connection. */
  readonly lookup: LookupFunction = (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, []);
      const refused = this.names.has(bare(hostname))
        ? null
        : addresses.map((a) => this.refusalOfAddress(a.address, hostname)).find(Boolean);
      if (refused) return callback(refused, []);
      if (options.all) callback(null, addresses);
      else callback(null, addresses[0].address, addresses[0].family);
    });
  };

  private refusalOfAddress(address: string, host: string): WebhookRefusedError | null {
    if (this.networks.check(address, family(address))) return null;
    const blocked = BLOCKED.find((b) => b.list.check(address, family(address)));
    return blocked ? this.refusal(host === address ? host : `${host} → ${address}`, blocked.kind) : null;
  }

  private refusal(host: string, kind: Kind): WebhookRefusedError {
    return new WebhookRefusedError(
      `webhookUrl 不能指向本机、内网或保留地址（${host} 是${KIND_ZH[kind]}）；如确需推送到内网，请运维人员在 WEBHOOK_ALLOW_HOSTS 中放行该地址`,
      `webhookUrl must not point at this server, an internal network or a reserved address (${host} is ${KIND_EN[kind]}); to deliver inside the network, ask the operator to allow it in WEBHOOK_ALLOW_HOSTS`,
    );
  }
}

/** Why an entry of WEBHOOK_ALLOW_HOSTS is not a host name, an IP address or a CIDR range, or null. */
export function allowEntryProblem(entry: string): string | null {
  const [network, prefix, extra] = entry.split('/');
  if (prefix !== undefined) {
    const max = isIP(network) === 6 ? 128 : 32;
    return isIP(network) && extra === undefined && /^\d{1,3}$/.test(prefix) && Number(prefix) <= max
      ? null
      : `"${entry}" is not a CIDR range (10.0.0.0/8, fd00::/8)`;
  }
  return isIP(entry) || /^[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?(\.[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?)*\.?$/i.test(entry)
    ? null
    : `"${entry}" is not a host name, an IP address or a CIDR range`;
}
