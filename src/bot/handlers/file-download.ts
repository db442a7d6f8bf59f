/**
 * Fetching a file the user sent in Teams: the "file download info" attachment carries a short-lived
 * `downloadUrl`. The download is capped (size and time), so a huge or slow file cannot hold the turn.
 */
import { z } from 'zod';
import { AppError } from '../../domain';

export const MAX_DOWNLOAD_BYTES = 20 * 1024 * 1024;
export const DOWNLOAD_TIMEOUT_MS = 30_000;

const downloadInfo = z.looseObject({ downloadUrl: z.url({ protocol: /^https?$/ }) });

export interface DownloadedFile {
  name: string;
  bytes: Buffer;
}

/** The file behind a Teams file download info attachment; http only where `allowHttp` (local mode). */
export async function downloadTeamsFile(
  attachment: { content?: unknown; name?: string },
  opts: { allowHttp: boolean; maxBytes?: number },
): Promise<DownloadedFile> {
  const info = downloadInfo.safeParse(attachment.content);
  if (!info.success) throw new AppError('invalid-input', 'the file attachment has no download link', { messageKey: 'meeting.import.no-file' });
  const url = new URL(info.data.downloadUrl);
  if (url.protocol !== 'https:' && !opts.allowHttp) throw new AppError('invalid-input', 'the file link is not https');
  const name = attachment.name?.trim() || 'dokument';
  const max = opts.maxBytes ?? MAX_DOWNLOAD_BYTES;
  let res: Response;
  try {
    res = await fetch(url, { signal: AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS), redirect: 'follow' });
  } catch {
    throw new AppError('delivery-failed', 'the file could not be fetched', { status: 'network', messageKey: 'meeting.import.download-failed' });
  }
  if (!res.ok || !res.body) {
    throw new AppError('delivery-failed', `the file could not be fetched (${res.status})`, { status: res.status, messageKey: 'meeting.import.download-failed' });
  }
  const declared = Number(res.headers.get('content-length') ?? '0');
  if (declared > max) {
    await res.body.cancel();
    throw tooLarge(name, declared, max);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of res.body) {
    size += chunk.length;
    if (size > max) throw tooLarge(name, size, max);
    chunks.push(Buffer.from(chunk));
  }
  return { name, bytes: Buffer.concat(chunks) };
}

function tooLarge(name: string, size: number, max: number): AppError {
  return new AppError('too-large', `${name} is over ${Math.round(max / 1024 / 1024)} MB (at least ${(size / 1024 / 1024).toFixed(1)} MB)`);
}
