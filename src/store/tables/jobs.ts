/**
 * jobs: PK = forum id, RK = job id (the record; `rev` counts versions), so a forum's jobs are one
 * partition query. jobids: PK = hash bucket of the job id, RK = job id → forum id (for get/cancel
 * by id). jobsdue: the due index, see due-index.ts.
 * Every change writes the new due entry first, then the record (the commit), then removes the old
 * entry; claimers check each entry against the record, so a crash in between only leaves an extra
 * entry that a later sweep removes. A claim writes the record only: the due entry it was claimed from
 * stays until the job's next change, so a claimer that stops leaves an entry the next sweep finds due,
 * and re-keys to the lease's expiry.
 * An update whose ETag this store has just read or written needs no read first: after a send, the
 * record of it is the first storage call, so a crash cannot fall between the send and its record.
 */
import type { Job } from '../../domain';
import { AppError } from '../../domain/errors';
import type { JobStore, Versioned } from '../ports';
import { jsonProps, readJson } from './codec';
import { dropIndexRowUnlessNewer, RecentMemo, type StoreContext } from './context';
import { dueEntry, dueRowKey, eligibleAt, readDue, shardOf } from './due-index';
import { keyPart, odata, shortHash } from './keys';
import type { Entity, Row } from './table';

export function jobEntity(job: Job, rev: number): Entity {
  return {
    partitionKey: keyPart(job.forumId),
    rowKey: keyPart(job.id),
    status: job.status,
    dueAt: job.dueAt,
    rev: String(rev),
    ...jsonProps(job, 'Job'),
  };
}

/** Where the job id → forum id lookup row of a job lives (16 buckets, so seeding can batch). */
export function jobIdKey(jobId: string): { partitionKey: string; rowKey: string } {
  return { partitionKey: `b${shortHash(jobId, 1)}`, rowKey: keyPart(jobId) };
}

export function jobIdEntity(job: Job): Entity {
  return { ...jobIdKey(job.id), forumId: job.forumId };
}

const revOf = (row: Row): number => Number(row.entity.rev ?? '0');
const isConflict = (e: unknown): boolean => e instanceof AppError && e.code === 'conflict';

const KNOWN_VERSIONS = 2_000;

/**
 * The job versions this store last read or wrote, by job id and ETag. A version with a given ETag
 * never changes, and the replace that uses it is ETag-conditional, so a stale entry only ever costs
 * a conflict that a read would have given too.
 */
class KnownVersions {
  private readonly byKey = new Map<string, { job: Job; rev: number }>();
  private key = (jobId: string, etag: string): string => `${jobId}\u0000${etag}`;
  get(jobId: string, etag: string): { job: Job; rev: number } | undefined {
    return this.byKey.get(this.key(jobId, etag));
  }
  remember(job: Job, rev: number, etag: string): void {
    if (!etag) return;
    if (this.byKey.size >= KNOWN_VERSIONS) this.byKey.delete(this.byKey.keys().next().value as string);
    this.byKey.set(this.key(job.id, etag), { job, rev });
  }
}

export function createJobStore(ctx: StoreContext): JobStore {
  const { jobs, jobids, jobsdue } = ctx.tables;
  const known = new KnownVersions();
  // Jobs just read as absent: scheduling one of them next ("get, then schedule if absent") need not look again.
  const absent = new RecentMemo<true>(ctx.now, 1_000, 1_000);

  /** Removing index rows the committed change no longer needs: a failure leaves an extra row, which claimers ignore. */
  const tidy = async (what: Promise<void>): Promise<void> => {
    try {
      await what;
    } catch (e) {
      ctx.logger?.warn({ err: e instanceof Error ? e.message : String(e) }, 'Could not remove a due-index row; a later sweep does');
    }
  };

  const writeDue = async (job: Job, rev: number): Promise<void> => {
    const at = eligibleAt(job);
    if (at !== null) await jobsdue.upsert(dueEntry(job, at, rev));
  };

  /**
   * The due entry each job this store claimed was claimed from. A claim leaves it where it is (two
   * index writes fewer per job): should the claimer stop, the next sweep finds it due, sees the
   * lease and moves it to the lease's expiry. The job's next change removes it (ETag-conditional).
   */
  const claimedFrom = new Map<string, Row>();

  /** Removes the entry of the job's earlier state unless it is also the new one. */
  const dropOldDue = async (before: Job | null, after: Job, rev: number): Promise<void> => {
    const from = claimedFrom.get(after.id);
    if (from) {
      claimedFrom.delete(after.id);
      const at = eligibleAt(after);
      if (at === null || from.entity.rowKey !== dueRowKey(at, after.id)) await jobsdue.remove(from.entity.partitionKey, from.entity.rowKey, from.etag);
      return;
    }
    const old = before ? eligibleAt(before) : null;
    if (old === null || old === eligibleAt(after)) return;
    await dropIndexRowUnlessNewer(jobsdue, shardOf(after.id), dueRowKey(old, after.id), rev);
  };

  const getRow = (forumId: string, jobId: string): Promise<Row | null> => jobs.get(keyPart(forumId), keyPart(jobId));

  const findRow = async (jobId: string): Promise<Row | null> => {
    const id = jobIdKey(jobId);
    const lookup = await jobids.get(id.partitionKey, id.rowKey);
    return lookup ? getRow(lookup.entity.forumId, jobId) : null;
  };

  /** Tries to claim the job behind one due entry; null if it is not (or no longer) claimable. */
  const tryClaim = async (entry: Row, nowMs: number, owner: string, leaseMs: number): Promise<Versioned<Job> | null> => {
    const { jobId, forumId } = entry.entity;
    const row = await getRow(forumId, jobId);
    const job = row ? readJson<Job>(row.entity) : null;
    const at = job ? eligibleAt(job) : null;
    if (!row || !job || at === null || at > nowMs) {
      // Gone, finished, or the entry is early (rescheduled, or claimed by someone else meanwhile).
      // An entry newer than the record belongs to a change in progress: leave it.
      if (!row || Number(entry.entity.rev ?? '0') <= revOf(row)) {
        if (job && at !== null) await writeDue(job, revOf(row!));
        await jobsdue.remove(entry.entity.partitionKey, entry.entity.rowKey, entry.etag);
      }
      return null;
    }
    const rev = revOf(row) + 1;
    const claimed: Job = { ...job, status: 'claimed', leaseOwner: owner, leaseUntil: new Date(nowMs + leaseMs).toISOString() };
    let etag: string;
    try {
      etag = await jobs.replace(jobEntity(claimed, rev), row.etag);
    } catch (e) {
      if (isConflict(e)) return null;
      throw e;
    }
    known.remember(claimed, rev, etag);
    if (claimedFrom.size >= KNOWN_VERSIONS) claimedFrom.delete(claimedFrom.keys().next().value as string);
    claimedFrom.set(job.id, entry);
    return { value: claimed, etag };
  };

  return {
    async schedule(job) {
      const previous = absent.get(job.id) ? null : await findRow(job.id);
      absent.delete(job.id);
      const before = previous ? readJson<Job>(previous.entity) : null;
      const rev = (previous ? revOf(previous) : 0) + 1;
      // Both index rows, then the job itself (the commit): an index row without its job is ignored.
      await Promise.all([jobids.upsert(jobIdEntity(job)), writeDue(job, rev)]);
      await jobs.upsert(jobEntity(job, rev));
      await dropOldDue(before, job, rev);
      if (before && before.forumId !== job.forumId) await jobs.remove(keyPart(before.forumId), keyPart(before.id));
    },
    async create(job) {
      const inserted = (write: Promise<unknown>): Promise<boolean> =>
        write.then(
          () => true,
          (e) => {
            if (isConflict(e)) return false;
            throw e;
          },
        );
      const at = eligibleAt(job);
      // The lookup row is the claim on the id. A due entry inserted beside a taken id points at this
      // job's forum and rev 1: claimers check it against the record and drop it if it is not the job's.
      const [fresh] = await Promise.all([inserted(jobids.insert(jobIdEntity(job))), at === null ? true : inserted(jobsdue.insert(dueEntry(job, at, 1)))]);
      if (!fresh || !(await inserted(jobs.insert(jobEntity(job, 1)).then((etag) => known.remember(job, 1, etag))))) return false;
      absent.delete(job.id);
      return true;
    },
    async get(jobId) {
      const row = await findRow(jobId);
      if (!row) {
        absent.set(jobId, true);
        return null;
      }
      const value = readJson<Job>(row.entity);
      known.remember(value, revOf(row), row.etag);
      return { value, etag: row.etag };
    },
    async claimDue(now, { owner, leaseMs, limit }) {
      const nowMs = now.getTime();
      const claimed: Versioned<Job>[] = [];
      const mine = new Set<string>();
      for (let round = 0; round < 5 && claimed.length < limit; round++) {
        const { rows: due, more } = await readDue(jobsdue, nowMs, limit * 2 + 10);
        // Concurrent claimers start at different places in the list, so they rarely collide.
        const start = Math.floor(Math.random() * due.length);
        // The entries of jobs claimed in an earlier round stay where they were (see claimedFrom).
        const rows = [...due.slice(start), ...due.slice(0, start)].filter((r) => !mine.has(r.entity.jobId));
        let next = 0;
        let inFlight = 0;
        const worker = async (): Promise<void> => {
          while (next < rows.length && claimed.length + inFlight < limit) {
            const entry = rows[next++];
            inFlight++;
            try {
              const won = await tryClaim(entry, nowMs, owner, leaseMs);
              if (won) {
                claimed.push(won);
                mine.add(won.value.id);
              }
            } finally {
              inFlight--;
            }
          }
        };
        await Promise.all(Array.from({ length: 8 }, worker));
        if (!more) break;
      }
      return claimed.sort((a, b) => a.value.dueAt.localeCompare(b.value.dueAt));
    },
    async update(job, etag) {
      let before = known.get(job.id, etag);
      if (!before) {
        const current = await getRow(job.forumId, job.id);
        if (!current || current.etag !== etag) throw new AppError('conflict', 'The job was changed meanwhile');
        before = { job: readJson<Job>(current.entity), rev: revOf(current) };
      }
      const rev = before.rev + 1;
      // The entry of an unchanged due time (or lease) is there already; a job claimed here has the one it was claimed from.
      const from = claimedFrom.get(job.id);
      const at = eligibleAt(job);
      const hasEntry = from ? at !== null && from.entity.rowKey === dueRowKey(at, job.id) : at === eligibleAt(before.job);
      if (!hasEntry) await writeDue(job, rev);
      const newEtag = await jobs.replace(jobEntity(job, rev), etag);
      known.remember(job, rev, newEtag);
      await tidy(dropOldDue(before.job, job, rev));
      return { value: job, etag: newEtag };
    },
    async cancel(jobId) {
      for (let attempt = 0; attempt < 5; attempt++) {
        const current = await findRow(jobId);
        if (!current) return;
        const job = readJson<Job>(current.entity);
        if (eligibleAt(job) === null) return;
        const rev = revOf(current) + 1;
        const cancelled: Job = { ...job, status: 'cancelled', leaseOwner: null, leaseUntil: null };
        try {
          await jobs.replace(jobEntity(cancelled, rev), current.etag);
        } catch (e) {
          if (isConflict(e)) continue;
          throw e;
        }
        await dropOldDue(job, cancelled, rev);
        return;
      }
      throw new AppError('conflict', 'The job kept changing while being cancelled; try again');
    },
    async listByForum(forumId) {
      const rows = await jobs.query(`PartitionKey eq '${odata(keyPart(forumId))}'`);
      return rows.map((r) => readJson<Job>(r.entity)).sort((a, b) => a.dueAt.localeCompare(b.dueAt) || a.id.localeCompare(b.id));
    },
  };
}
