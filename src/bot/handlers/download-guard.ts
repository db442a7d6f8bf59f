/**
 * What a file download may reach: https (http only in local mode), a host on the allow-list of
 * Microsoft file hosts, and an address that is not internal. The address rule is applied to the
 * address the socket connects to (the lookup below hands the connection only addresses it checked,
 * and the connected socket is checked again), so a DNS answer that changes between check and
 * connect cannot reach an internal address.
 */
import { promises as dns } from 'node:dns';
import { BlockList, isIP, type LookupFunction } from 'node:net';
import type { DownloadRules } from '../../config';

/** A download refused by a rule; `reason` names the rule and the host or address, never the URL's query. */
export class DownloadRefused extends Error {}

export type Resolve = (host: string) => Promise<Array<{ address: string; family: number }>>;

const defaultResolve: Resolve = (host) => dns.lookup(host, { all: true, verbatim: true });

function ranges(v4: string[], v6: string[]): BlockList {
  const list = new BlockList();
  for (const r of v4) list.addSubnet(r.split('/')[0], Number(r.split('/')[1]), 'ipv4');
  for (const r of v6) list.addSubnet(r.split('/')[0], Number(r.split('/')[1]), 'ipv6');
  return list;
}

const LOOPBACK = ranges(['127.0.0.0/8'], ['::1/128']);
/** Checked in order; an IPv4-mapped IPv6 address (::ffff:a.b.c.d) matches its IPv4 range. */
const REFUSED: Array<[string, BlockList]> = [
  ['unspecified', ranges(['0.0.0.0/8'], ['::/128'])],
  ['link-local', ranges(['169.254.0.0/16'], ['fe80::/10'])],
  ['private', ranges(['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16'], ['fc00::/7', 'fec0::/10'])],
  ['shared (CGNAT)', ranges(['100.64.0.0/10'], [])],
  ['multicast', ranges(['224.0.0.0/4'], ['ff00::/8'])],
  ['reserved', ranges(['240.0.0.0/4', '192.0.0.0/24', '198.18.0.0/15'], [])],
];

/** Why `address` may not be connected to, or null when it may. */
export function refusedAddress(address: string, rules: Pick<DownloadRules, 'allowLoopback'>): string | null {
  const family = isIP(address) === 6 ? 'ipv6' : 'ipv4';
  if (LOOPBACK.check(address, family)) return rules.allowLoopback ? null : `address ${address} is loopback`;
  for (const [what, list] of REFUSED) if (list.check(address, family)) return `address ${address} is ${what}`;
  return null;
}

export function hostAllowed(host: string, patterns: string[]): boolean {
  const h = host.toLowerCase().replace(/\.$/, '');
  return patterns.some((p) => (p.startsWith('*.') ? h.endsWith(p.slice(1)) && h.length > p.length - 1 : h === p));
}

/** Why `url` may not be fetched (scheme, host, literal address), or null. `url.hostname` of an IPv6 literal has brackets. */
export function refusedUrl(url: URL, rules: DownloadRules): string | null {
  const where = `${url.protocol}//${url.host}`;
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && rules.allowHttp)) return `${where} is not https`;
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  if (!hostAllowed(host, rules.hosts)) return `${where}: host ${host} is not a Microsoft file host on the allow-list`;
  if (isIP(host)) {
    const refused = refusedAddress(host, rules);
    if (refused) return `${where}: ${refused}`;
  }
  return null;
}

/** A `lookup` for http(s).request that answers only with addresses the rules allow, and refuses if any is not. */
export function guardedLookup(rules: DownloadRules, resolve: Resolve = defaultResolve): LookupFunction {
  return (hostname, options, callback) => {
    const done = callback as (err: Error | null, address: string | Array<{ address: string; family: number }>, family?: number) => void;
    resolve(hostname).then(
      (found) => {
        const refused = found.map((a) => refusedAddress(a.address, rules)).find(Boolean);
        if (refused || found.length === 0) return done(new DownloadRefused(`host ${hostname}: ${refused ?? 'no address'}`), '');
        if (options.all) return done(null, found);
        done(null, found[0].address, found[0].family);
      },
      (e: unknown) => done(e instanceof Error ? e : new Error(String(e)), ''),
    );
  };
}
