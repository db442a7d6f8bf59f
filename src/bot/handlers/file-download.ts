/**
 * Fetching a file the user sent in Teams: the "file download info" attachment carries a short-lived
 * `downloadUrl`. Only Teams' file hosts are fetched (rules in download-guard.ts), each redirect is
 * checked by the same rules, and the download is capped (size and time), so a huge or slow file
 * cannot hold the turn.
 */
import * as http from 'node:http';
import * as https from 'node:https';
import { z } from 'zod';
import type { DownloadRules } from '../../config';
import { AppError } from '../../domain';
import { DownloadRefused, guardedLookup, type Resolve, refusedAddress, refusedUrl } from './download-guard';

export const MAX_DOWNLOAD_BYTES = 20 * 1024 * 1024;
export const DOWNLOAD_TIMEOUT_MS = 30_000;
export const MAX_REDIRECTS = 5;

const downloadInfo = z.looseObject({ downloadUrl: z.string() });

export interface DownloadedFile {
  name: string;
  bytes: Buffer;
}

export interface DownloadOptions {
  rules: DownloadRules;
  maxBytes?: number;
  timeoutMs?: number;
  /** Tests: trusted CA of a local https server; a resolver standing in for DNS. */
  ca?: string | Buffer;
  resolve?: Resolve;
}

/** The file behind a Teams file download info attachment. */
export async function downloadTeamsFile(attachment: { content?: unknown; name?: string }, opts: DownloadOptions): Promise<DownloadedFile> {
  const info = downloadInfo.safeParse(attachment.content);
  if (!info.success) throw new AppError('invalid-input', 'the file attachment has no download link', { messageKey: 'meeting.import.no-file' });
  const name = attachment.name?.trim() || 'dokument';
  const signal = AbortSignal.timeout(opts.timeoutMs ?? DOWNLOAD_TIMEOUT_MS);
  let url = parseUrl(info.data.downloadUrl);
  for (let hop = 0; ; hop++) {
    const refused = refusedUrl(url, opts.rules);
    if (refused) throw refusal(hop, refused);
    const res = await get(url, opts, signal, hop);
    const location = res.headers.location;
    if (res.statusCode && res.statusCode >= 300 && res.statusCode < 400 && location) {
      res.destroy();
      if (hop >= MAX_REDIRECTS) throw refusal(hop, `more than ${MAX_REDIRECTS} redirects`);
      url = parseUrl(location, url);
      continue;
    }
    if (!res.statusCode || res.statusCode < 200 || res.statusCode >= 300) {
      res.destroy();
      throw new AppError('delivery-failed', `the file could not be fetched (${res.statusCode})`, {
        status: res.statusCode,
        messageKey: 'meeting.import.download-failed',
      });
    }
    return { name, bytes: await readCapped(res, name, opts.maxBytes ?? MAX_DOWNLOAD_BYTES) };
  }
}

function parseUrl(text: string, base?: URL): URL {
  try {
    return new URL(text, base);
  } catch {
    throw refusal(base ? 1 : 0, 'the link is not a URL');
  }
}

function refusal(hop: number, reason: string): AppError {
  const where = hop === 0 ? 'the file link' : `redirect ${hop} of the file link`;
  return new AppError('invalid-input', `${where} was refused: ${reason}`, { messageKey: 'meeting.import.download-refused' });
}

/** One GET without following redirects; the socket is checked against the address rule once connected. */
function get(url: URL, opts: DownloadOptions, signal: AbortSignal, hop: number): Promise<http.IncomingMessage> {
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = client.request(url, {
      method: 'GET',
      agent: false,
      signal,
      lookup: guardedLookup(opts.rules, opts.resolve),
      ...(opts.ca ? { ca: opts.ca } : {}),
    });
    req.on('socket', (socket) => {
      socket.once('connect', () => {
        const refused = socket.remoteAddress ? refusedAddress(socket.remoteAddress, opts.rules) : 'no remote address';
        if (refused) req.destroy(new DownloadRefused(refused));
      });
    });
    req.on('response', resolve);
    req.on('error', (e) => {
      if (e instanceof DownloadRefused) reject(refusal(hop, `${url.protocol}//${url.host}: ${e.message}`));
      else
        reject(
          new AppError('delivery-failed', `the file could not be fetched (${signal.aborted ? 'timed out' : 'network'})`, {
            status: 'network',
            messageKey: 'meeting.import.download-failed',
          }),
        );
    });
    req.end();
  });
}

async function readCapped(res: http.IncomingMessage, name: string, max: number): Promise<Buffer> {
  const declared = Number(res.headers['content-length'] ?? '0');
  if (declared > max) {
    res.destroy();
    throw tooLarge(name, declared, max);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of res as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > max) {
        res.destroy();
        throw tooLarge(name, size, max);
      }
      chunks.push(chunk);
    }
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError('delivery-failed', 'the file could not be fetched (interrupted)', { status: 'network', messageKey: 'meeting.import.download-failed' });
  }
  return Buffer.concat(chunks);
}

function tooLarge(name: string, size: number, max: number): AppError {
  const mb = (n: number) => Math.round((n / 1024 / 1024) * 10) / 10;
  return new AppError('too-large', `${name} is over ${mb(max)} MB (at least ${mb(size).toFixed(1)} MB)`, {
    messageKey: 'error.too-large.file',
    messageParams: { name, max: mb(max) },
  });
}
