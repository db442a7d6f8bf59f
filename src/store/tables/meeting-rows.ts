/**
 * How a meeting is laid out in its forum's partition of the `meetings` table:
 * - header  RK 'h|<meeting>': summary columns (for listByForum), the current version id and its row count;
 * - content RK 'i|<meeting>|<version>|<seq>': record 0 is the meeting without items, record k the
 *   k-th item; each record's JSON is split into 30K-character chunks, at most MAX_CHUNKS per row,
 *   so every item has at least one row of its own and a big item spills over several rows.
 * A new version's rows are written before the header points to them (see meetings.ts).
 */
import type { Meeting } from '../../domain';
import type { MeetingSummary } from '../ports';
import { chunkProps, chunkText, MAX_CHUNKS, splitChunks } from './codec';
import { key, keyPart, pad, rowKeyPrefix } from './keys';
import type { Entity } from './table';

export function headerKey(meetingId: string): string {
  return key('h', meetingId);
}

export function contentPrefix(meetingId: string, version?: string): string {
  return version ? `${key('i', meetingId, version)}|` : `${key('i', meetingId)}|`;
}

export function contentKey(meetingId: string, version: string, seq: number): string {
  return `${contentPrefix(meetingId, version)}${pad(seq, 6)}`;
}

/** The content rows of one version of a meeting. */
export function contentRows(meeting: Meeting, version: string): Entity[] {
  const { items, ...rest } = meeting;
  const records = [JSON.stringify(rest), ...items.map((i) => JSON.stringify(i))];
  const rows: Entity[] = [];
  records.forEach((json, rec) => {
    const chunks = splitChunks(json);
    for (let i = 0; i < chunks.length; i += MAX_CHUNKS) {
      rows.push({
        partitionKey: keyPart(meeting.forumId),
        rowKey: contentKey(meeting.id, version, rows.length),
        rec: String(rec),
        ...chunkProps(chunks.slice(i, i + MAX_CHUNKS)),
      });
    }
  });
  return rows;
}

export function headerEntity(meeting: Meeting, version: string, rowCount: number): Entity {
  return {
    partitionKey: keyPart(meeting.forumId),
    rowKey: headerKey(meeting.id),
    version,
    rows: String(rowCount),
    id: meeting.id,
    forumId: meeting.forumId,
    date: meeting.date,
    start: meeting.start ?? '',
    status: meeting.status,
    kind: meeting.kind,
    itemCount: String(meeting.items.length),
  };
}

export const SUMMARY_COLUMNS = ['id', 'forumId', 'date', 'start', 'status', 'kind', 'itemCount'];

export function summaryOf(e: Entity): MeetingSummary {
  return {
    id: e.id,
    forumId: e.forumId,
    date: e.date,
    start: e.start || null,
    status: e.status as MeetingSummary['status'],
    kind: e.kind as MeetingSummary['kind'],
    itemCount: Number(e.itemCount),
  };
}

/** Rebuilds the meeting from its content rows (any order). */
export function fromContentRows(rows: Entity[]): Meeting {
  const sorted = [...rows].sort((a, b) => (a.rowKey < b.rowKey ? -1 : 1));
  const records: string[] = [];
  for (const r of sorted) {
    const rec = Number(r.rec);
    records[rec] = (records[rec] ?? '') + chunkText(r);
  }
  const [head, ...items] = records;
  return { ...(JSON.parse(head) as Omit<Meeting, 'items'>), items: items.map((s) => JSON.parse(s) as Meeting['items'][number]) };
}

export function contentFilter(forumId: string, meetingId: string, version?: string): string {
  return `PartitionKey eq '${keyPart(forumId).replace(/'/g, "''")}' and ${rowKeyPrefix(contentPrefix(meetingId, version))}`;
}
