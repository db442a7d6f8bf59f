/**
 * The agenda-file download reaches only Teams' file hosts: https, a host on the allow-list, every
 * redirect checked by the same rules, and never an internal address (loopback, link-local, private,
 * CGNAT, multicast, unspecified, IPv4-mapped forms of those), checked on the address connected to.
 * A local https server (self-signed, trusted only here) stands in for the file host.
 */
import { readFileSync } from 'node:fs';
import * as http from 'node:http';
import * as https from 'node:https';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Resolve } from '../../src/bot/handlers/download-guard';
import { type DownloadOptions, downloadTeamsFile } from '../../src/bot/handlers/file-download';
import { userMessage } from '../../src/app/errors';
import { type DownloadRules, loadConfig } from '../../src/config';
import { AppError } from '../../src/domain';
import { t } from '../../src/i18n';
import { rejection } from '../support/rejection';
import { useHarness } from '../support/use-harness';

const TLS = path.join(__dirname, '..', 'fixtures', 'tls');
const ca = readFileSync(path.join(TLS, 'localhost.crt'));

interface FileHost {
  origin: string;
  port: number;
  hits: string[];
  close(): Promise<void>;
}

function route(hits: string[]) {
  return (req: http.IncomingMessage, res: http.ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://x');
    hits.push(url.pathname);
    const send = (status: number, headers: Record<string, string> = {}, body?: string | Buffer) => {
      res.writeHead(status, headers);
      if (body !== undefined) res.end(body);
    };
    if (url.pathname === '/file') send(200, {}, 'PK\u0003\u0004 indhold');
    else if (url.pathname === '/big') send(200, {}, Buffer.alloc(3 * 1024 * 1024, 65));
    else if (url.pathname === '/slow') {
      send(200, { 'content-type': 'text/plain' });
      res.write('x');
    } else if (url.pathname === '/redirect') send(302, { location: url.searchParams.get('to') ?? '/' }, '');
    else if (url.pathname === '/loop') send(302, { location: '/loop' }, '');
    else send(404, {}, '');
  };
}

async function listen(server: http.Server | https.Server, scheme: string, hits: string[]): Promise<FileHost> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    origin: `${scheme}://localhost:${port}`,
    port,
    hits,
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

const attachment = (downloadUrl: string, name = 'dagsorden.docx') => ({ name, content: { downloadUrl, uniqueId: 'x', fileType: 'docx' } });
/** The rules of a deployed bot (an app id): the real allow-list, https, no loopback. */
const realRules = loadConfig({ MicrosoftAppId: 'app', MicrosoftAppPassword: 'x' }, { instanceId: 't' }).downloads;
/** A test file host on loopback: `localhost` allowed. */
const testRules: DownloadRules = { hosts: ['localhost'], allowHttp: false, allowLoopback: true };
const fixedDns =
  (map: Record<string, string[]>): Resolve =>
  async (host) =>
    (map[host] ?? []).map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));

describe('fetching a file the secretary sent in Teams', () => {
  let tlsHost: FileHost;
  let plainHost: FileHost;
  beforeAll(async () => {
    const tlsHits: string[] = [];
    tlsHost = await listen(https.createServer({ key: readFileSync(path.join(TLS, 'localhost.key')), cert: ca }, route(tlsHits)), 'https', tlsHits);
    const plainHits: string[] = [];
    plainHost = await listen(http.createServer(route(plainHits)), 'http', plainHits);
  });
  afterAll(async () => {
    await Promise.all([tlsHost.close(), plainHost.close()]);
  });
  beforeEach(() => {
    tlsHost.hits.length = 0;
    plainHost.hits.length = 0;
  });

  const fetchFile = (url: string, opts: Partial<DownloadOptions> = {}) => downloadTeamsFile(attachment(url), { rules: testRules, ca, ...opts });
  const refusedWith = async (url: string, reason: RegExp, opts: Partial<DownloadOptions> = {}) => {
    const err = await rejection(fetchFile(url, opts));
    expect(err).toMatchObject({ code: 'invalid-input', details: { messageKey: 'meeting.import.download-refused' } });
    expect(err.message).toMatch(reason);
    return err;
  };

  it('downloads the file from an allowed https host', async () => {
    const file = await fetchFile(`${tlsHost.origin}/file`);
    expect(file.name).toBe('dagsorden.docx');
    expect(file.bytes.toString('latin1')).toContain('indhold');
  });

  it('follows a redirect to an allowed https host', async () => {
    const file = await fetchFile(`${tlsHost.origin}/redirect?to=${encodeURIComponent(`${tlsHost.origin}/file`)}`);
    expect(file.bytes.toString('latin1')).toContain('indhold');
  });

  it('refuses plain http outside local mode, before connecting', async () => {
    await refusedWith(`http://localhost:${plainHost.port}/file`, /is not https/);
    expect(plainHost.hits).toEqual([]);
  });

  it('refuses a host that is not on the allow-list, before connecting', async () => {
    await refusedWith(`${tlsHost.origin}/file`, /host localhost is not a Microsoft file host/, { rules: { ...testRules, hosts: ['*.sharepoint.com'] } });
    expect(tlsHost.hits).toEqual([]);
  });

  it('matches "*." entries on subdomains only', async () => {
    await refusedWith('https://sharepoint.com.evil.example/x', /not a Microsoft file host/, { rules: realRules });
    await refusedWith('https://evilsharepoint.com/x', /not a Microsoft file host/, { rules: realRules });
    await refusedWith('https://sharepoint.com/x', /not a Microsoft file host/, { rules: realRules });
  });

  it('checks every redirect by the same rules: scheme, host, count', async () => {
    const via = (to: string) => `${tlsHost.origin}/redirect?to=${encodeURIComponent(to)}`;
    await refusedWith(via(`http://localhost:${plainHost.port}/file`), /redirect 1 .*is not https/);
    await refusedWith(via(`https://127.0.0.1:${tlsHost.port}/file`), /redirect 1 .*host 127\.0\.0\.1 is not a Microsoft file host/);
    await refusedWith(`${tlsHost.origin}/loop`, /more than 5 redirects/);
    expect(plainHost.hits).toEqual([]);
    expect(tlsHost.hits.filter((p) => p === '/file')).toEqual([]);
  });

  it('refuses an allowed host name that resolves to loopback unless loopback is allowed (tests only)', async () => {
    await refusedWith(`${tlsHost.origin}/file`, /address 127\.0\.0\.1 is loopback/, { rules: { ...testRules, allowLoopback: false } });
    expect(tlsHost.hits).toEqual([]);
  });

  it.each([
    ['169.254.169.254', /link-local/],
    ['10.1.2.3', /private/],
    ['172.20.0.1', /private/],
    ['192.168.1.10', /private/],
    ['100.64.0.1', /CGNAT/],
    ['0.0.0.0', /unspecified/],
    ['224.0.0.1', /multicast/],
    ['::1', /loopback/],
    ['fe80::1', /link-local/],
    ['fd00::1', /private/],
    ['::ffff:169.254.169.254', /link-local/],
    ['::ffff:7f00:1', /loopback/],
  ])('refuses a Microsoft host name that resolves to %s', async (address, reason) => {
    await refusedWith('https://contoso.sharepoint.com/personal/x/dagsorden.docx', reason, {
      rules: realRules,
      resolve: fixedDns({ 'contoso.sharepoint.com': [address] }),
    });
  });

  it('refuses when any of the resolved addresses is internal', async () => {
    await refusedWith('https://contoso.sharepoint.com/x', /address 10\.0\.0\.7 is private/, {
      rules: realRules,
      resolve: fixedDns({ 'contoso.sharepoint.com': ['20.190.1.1', '10.0.0.7'] }),
    });
  });

  it('connects to the address it checked: a DNS answer that changes afterwards is not used (rebinding)', async () => {
    let calls = 0;
    // First answer: a public (unreachable, TEST-NET-1) address; any later answer: the local file host.
    const rebinding: Resolve = async () => [{ address: calls++ === 0 ? '192.0.2.1' : '127.0.0.1', family: 4 }];
    const err = await rejection(fetchFile(`https://contoso.sharepoint.com:${tlsHost.port}/file`, { rules: realRules, resolve: rebinding, timeoutMs: 800 }));
    expect(err.code).toBe('delivery-failed');
    expect(calls).toBe(1);
    expect(tlsHost.hits).toEqual([]);
  });

  describe('the real allow-list of a deployed bot', () => {
    it('refuses 127.0.0.1, 169.254.169.254 and their IPv6 forms as links', async () => {
      const opts = { rules: realRules };
      await refusedWith(`https://127.0.0.1:${tlsHost.port}/file`, /not a Microsoft file host/, opts);
      await refusedWith(`http://127.0.0.1:${plainHost.port}/file`, /not https/, opts);
      await refusedWith('http://169.254.169.254/latest/meta-data/', /not https/, opts);
      await refusedWith('https://169.254.169.254/latest/meta-data/', /not a Microsoft file host/, opts);
      await refusedWith('https://[::ffff:127.0.0.1]/x', /not a Microsoft file host/, opts);
      expect([...tlsHost.hits, ...plainHost.hits]).toEqual([]);
    });

    it('refuses a SharePoint link that redirects to 127.0.0.1 or 169.254.169.254', async () => {
      // A stand-in for contoso.sharepoint.com on loopback (loopback allowed for this first hop only).
      const opts = {
        rules: { ...realRules, allowLoopback: true },
        resolve: fixedDns({ 'contoso.sharepoint.com': ['127.0.0.1'], 'evil.sharepoint.com': ['169.254.169.254'] }),
      };
      const via = (to: string) => `https://contoso.sharepoint.com:${tlsHost.port}/redirect?to=${encodeURIComponent(to)}`;
      expect((await fetchFile(via(`https://contoso.sharepoint.com:${tlsHost.port}/file`), opts)).bytes.toString('latin1')).toContain('indhold');
      await refusedWith(via(`http://127.0.0.1:${plainHost.port}/file`), /redirect 1 .*not https/, opts);
      await refusedWith(via(`https://127.0.0.1:${tlsHost.port}/file`), /redirect 1 .*not a Microsoft file host/, opts);
      await refusedWith(via('http://169.254.169.254/latest/meta-data/'), /redirect 1 .*not https/, opts);
      await refusedWith(via('https://evil.sharepoint.com/latest/meta-data/'), /redirect 1 .*address 169\.254\.169\.254 is link-local/, opts);
      expect(plainHost.hits).toEqual([]);
    });
  });

  it('stops at the size cap and says so fully in Danish (and fully in English)', async () => {
    const err = await rejection(downloadTeamsFile(attachment(`${tlsHost.origin}/big`, 'stor.docx'), { rules: testRules, ca, maxBytes: 1024 * 1024 }));
    expect(err).toBeInstanceOf(AppError);
    expect(err.code).toBe('too-large');
    expect(userMessage('da', err)).toBe('Filen stor.docx er for stor: den er over grænsen på 1 MB.');
    expect(userMessage('en', err)).toBe('The file stor.docx is too large: it is over the limit of 1 MB.');
  });

  it('gives up on a file host that does not finish in time', async () => {
    const started = Date.now();
    await expect(fetchFile(`${tlsHost.origin}/slow`, { timeoutMs: 300 })).rejects.toMatchObject({ code: 'delivery-failed' });
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('needs a link at all, and reports a link that no longer works as a failed download', async () => {
    await expect(downloadTeamsFile({ name: 'x', content: {} }, { rules: testRules })).rejects.toMatchObject({ code: 'invalid-input' });
    await expect(fetchFile(`${tlsHost.origin}/gone`)).rejects.toMatchObject({ code: 'delivery-failed' });
  });
});

describe('a file link outside the allow-list, sent to the bot', () => {
  // The harness's own file server is on loopback over http; here with the real host list.
  const h = useHarness({ seedForum: true, env: { DOWNLOAD_HOSTS: '', DOWNLOAD_ALLOW_LOOPBACK: 'false' } });

  it('is not fetched; the secretary is told in Danish why, and the log says precisely why', async () => {
    const downloadUrl = h.fake.serveFile('dagsorden.txt', 'DAGSORDEN Ledelsesforum d. 17-03-2026\n\nPunkt 1: Hemmeligt', 'text/plain');
    const res = await h.post(h.aFileMessage({ name: 'dagsorden.txt', downloadUrl }));
    expect(res.status).toBe(200);
    expect(h.fake.requests().some((r) => r.kind === 'file')).toBe(false);
    const shown = JSON.stringify(h.fake.sent());
    expect(shown).not.toContain('Hemmeligt');
    expect(shown).toContain(JSON.stringify(t('da', 'meeting.import.download-refused')).slice(1, -1));
    expect(h.logText()).toMatch(/the file link was refused: .*host 127\.0\.0\.1 is not a Microsoft file host/);
  });
});
