/**
 * `npx ts-node --transpile-only bench/kill.bench.ts [--trials 30] [--ops decision,publish] [--setups separate,embedded] [--json out.json]`
 *
 * The kill test (issue 16): the real service (`src/main.ts`, as `npm start` runs it, local mode)
 * is killed with SIGKILL in the middle of a click, restarted on the same storage, and the click is
 * retried (or the scheduler resumes the work); then the bench checks what a user would notice.
 * Two clicks, `--trials` times each (default 30):
 *   - decision: "Gem beslutning" (`decision.save`: a new decision with one follow-up), killed at a
 *     random 0-150 ms into the request;
 *   - publish: "Udsend nu" (`agenda.publish`: six items, one closed), killed at a random 0-300 ms
 *     after the click was sent, also when that is after the answer (the cards are posted after it).
 * A decision answered before its moment is killed right after the answer, so every answered click
 * is an "acknowledged" check; every third trial (both clicks) waits for the answer and kills right
 * after it (the moment a write the client has seen is most at risk). Two storage setups:
 *   - separate: Azurite in a process of its own (storage outlives the service, as Azure Tables does);
 *   - embedded: no storage configured, the service's own embedded Azurite over DATA_DIR.
 * Checks per trial, after the restart:
 *   - lost acknowledged write: the click was answered (200, not the error card), but its write
 *     (the decision; the publishing job or the published agenda) is not in storage;
 *   - broken invariant: after the retry/resume, the decision is missing, the decision has no
 *     follow-up, an open follow-up has no pending reminder job, or the agenda is not completely out;
 *   - duplicates: cards posted more than once (counted at the fake Bot Connector).
 * The dead instance's lease on the publishing job is moved into the past after the restart (as if
 * its 30 s had passed) so that a trial takes seconds; the scheduler sweeps every second.
 * The service is bundled once with esbuild (same code as `npm start`, without ts-node's start-up).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DEFAULT_REMINDER_POLICY, type Forum, type Member } from '../src/domain';
import { t } from '../src/i18n';
import { reminderJobId } from '../src/domain/scheduled-jobs';
import { nextForUser } from '../src/app/reminders';
import { recipientsOf } from '../src/app/followups';
import { azuriteConnectionString } from '../src/store/azurite';
import type { Store, StoredConversation } from '../src/store/ports';
import { createTableStore } from '../src/store/tables';
import { anInvoke } from '../test/support/activities';
import { aDraftAgenda, anItem } from '../test/support/agenda-items';
import { type FakeConnector, startFakeConnector } from '../test/support/fake-connector';
import { startAzuriteProcess } from './azurite-process';
import { rng } from './seed-rows';
import { BOT, channelId, DEPARTMENTS, decisionInvoke, forumId, meetingId, personalId, tenantId, userOf } from './turn-latency.bench';

type Op = 'decision' | 'publish';
type Setup = 'separate' | 'embedded';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
const TRIALS = Number(arg('trials') ?? 30);
const OPS = (arg('ops') ?? 'decision,publish').split(',') as Op[];
const SETUPS = (arg('setups') ?? 'separate,embedded').split(',') as Setup[];
const KILL_WINDOW_MS: Record<Op, number> = { decision: 150, publish: 300 };
const ROOT = path.resolve(__dirname, '..');
const random = rng(16);
const ERROR_TITLE = t('da', 'card.error.title');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// ---------- the service process ----------

/** src/main.ts bundled (our code only; packages stay in node_modules), so a restart takes ~1-2 s, not ~10. */
async function bundleMain(): Promise<string> {
  const esbuild = require('esbuild') as { build(o: Record<string, unknown>): Promise<unknown> };
  // Inside the checkout (build/ is git-ignored): the service finds cards/ and the tab page above itself.
  mkdirSync(path.join(ROOT, 'build'), { recursive: true });
  const out = path.join(mkdtempSync(path.join(ROOT, 'build', 'kill-bench-')), 'main.js');
  await esbuild.build({
    entryPoints: [path.join(ROOT, 'src/main.ts')],
    bundle: true,
    platform: 'node',
    target: 'node20',
    packages: 'external',
    outfile: out,
    logLevel: 'error',
  });
  return out;
}

interface Service {
  child: ChildProcess;
  url: string;
  output(): string;
}

function startService(mainJs: string, env: Record<string, string>): Promise<Service> {
  const child = spawn(process.execPath, ['--no-deprecation', mainJs], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'error',
      SWEEP_INTERVAL_MS: '1000',
      NODE_PATH: path.join(ROOT, 'node_modules'),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`service not started in 90 s: ${output}`)), 90_000);
    const take = (b: Buffer) => {
      output += b.toString('utf8');
      const url = /Bot endpoint: (http:\/\/[^/\s]+)\/api\/messages/.exec(output)?.[1];
      if (url) {
        clearTimeout(timer);
        resolve({ child, url, output: () => output });
      }
    };
    child.stdout.on('data', take);
    child.stderr.on('data', take);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`service exited (${code}) while starting: ${output}`));
    });
  });
}

async function kill9(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGKILL');
  await exited;
}

async function stopGracefully(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
  await exited;
  clearTimeout(timer);
}

// ---------- storage ----------

interface Storage {
  env: Record<string, string>;
  /** A store on the storage as it is now (the embedded one moves to a new port at each restart). */
  store(): Promise<Store>;
  stop(): Promise<void>;
}

async function openStorage(setup: Setup): Promise<Storage> {
  if (setup === 'separate') {
    const azurite = await startAzuriteProcess();
    const store = await createTableStore({ connectionString: azurite.connectionString });
    return { env: { AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString }, store: async () => store, stop: () => azurite.stop() };
  }
  const dataDir = mkdtempSync(path.join(tmpdir(), 'kill-bench-data-'));
  let cached: { port: number; store: Store } | null = null;
  return {
    env: { DATA_DIR: dataDir },
    store: async () => {
      const { host, port } = JSON.parse(readFileSync(path.join(dataDir, 'azurite.json'), 'utf8')) as { host: string; port: number };
      if (cached?.port !== port)
        cached = { port, store: await createTableStore({ connectionString: azuriteConnectionString(`http://${host}:${port}/devstoreaccount1`) }) };
      return cached.store;
    },
    stop: async () => rmSync(dataDir, { recursive: true, force: true }),
  };
}

// ---------- the world of one trial: its own forum (tenant, channel, people) ----------

function reference(conversationId: string, kind: 'channel' | 'personal', tenant: string, fakeUrl: string): StoredConversation['reference'] {
  return {
    channelId: 'msteams',
    serviceUrl: fakeUrl,
    bot: { ...BOT },
    conversation: { id: conversationId, conversationType: kind, tenantId: tenant, ...(kind === 'channel' ? { isGroup: true } : {}) },
  };
}

async function seedForum(store: Store, f: number, fakeUrl: string): Promise<Forum> {
  const member = (role: 'sec' | 'chair' | 'c1' | 'c2' | 'c3', r: Member['role'], department: string | null): Member => {
    const u = userOf(f, role);
    return { userId: u.id, aadObjectId: u.aadObjectId, name: u.name, department, role: r };
  };
  const now = new Date().toISOString();
  const forum: Forum = {
    id: forumId(f),
    tenantId: tenantId(f),
    name: `Ledelsesforum ${f}`,
    conversationId: channelId(f),
    members: [
      member('sec', 'secretary', null),
      member('chair', 'chair', null),
      member('c1', 'member', DEPARTMENTS[0]),
      member('c2', 'member', DEPARTMENTS[1]),
      member('c3', 'member', DEPARTMENTS[2]),
    ],
    departments: [...DEPARTMENTS],
    reminderPolicy: { ...DEFAULT_REMINDER_POLICY },
    locale: 'da',
    createdAt: now,
  };
  await store.forums.create(forum);
  await store.conversations.save({
    conversationId: channelId(f),
    kind: 'channel',
    tenantId: tenantId(f),
    userId: null,
    reference: reference(channelId(f), 'channel', tenantId(f), fakeUrl),
    updatedAt: now,
  });
  for (const m of forum.members) {
    const id = personalId(m.userId);
    await store.conversations.save({
      conversationId: id,
      kind: 'personal',
      tenantId: tenantId(f),
      userId: m.userId,
      reference: reference(id, 'personal', tenantId(f), fakeUrl),
      updatedAt: now,
    });
  }
  return forum;
}

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

async function seedPublished(store: Store, forum: Forum, f: number, fake: FakeConnector): Promise<void> {
  const post = await fetch(`${fake.url}v3/conversations/${encodeURIComponent(channelId(f))}/activities`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ type: 'message', text: 'kort' }),
  });
  const { id } = (await post.json()) as { id: string };
  const items = [anItem(1, `Sag ${f} om budget og drift`)];
  const publication = { conversationId: channelId(f), publishedAt: new Date().toISOString(), overviewActivityId: null, itemActivityIds: { '1': id } };
  await store.meetings.create(aDraftAgenda(meetingId(f), forum.id, items, { forumName: forum.name, date: inDays(1), status: 'published', publication }));
}

async function seedDraft(store: Store, forum: Forum, f: number): Promise<void> {
  const items = [
    ...[1, 2, 3, 4, 5].map((n) => anItem(n, `Sag ${n} om drift (møde ${f})`)),
    anItem(6, `Personalesag ${f}`, { closed: true, sections: [{ kind: 'case', heading: 'Sagsfremstilling', body: 'Fortroligt.' }] }),
  ];
  // Three weeks ahead: the chiefs' check-in before the meeting is not due during the trial.
  await store.meetings.create(aDraftAgenda(meetingId(f), forum.id, items, { forumName: forum.name, date: inDays(21) }));
}

// ---------- one trial ----------

interface Trial {
  acknowledged: boolean;
  lostAcknowledged: boolean;
  broken: string[];
  duplicates: number;
  retryAnswer: string | null;
}

interface Answer {
  status: number;
  ok: boolean;
}

function post(url: string, activity: Record<string, unknown>): Promise<Answer> {
  return fetch(`${url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) }).then(
    async (res) => {
      const text = await res.text();
      return { status: res.status, ok: res.status === 200 && !text.includes(ERROR_TITLE) };
    },
    () => ({ status: 0, ok: false }),
  );
}

/**
 * Sends the click and kills the service `killAfterMs` after sending it (infinite: right after the
 * answer). A decision is all done within its request, so an earlier answer ends the wait; a
 * publication goes on in the background after the answer (`background: true`), so the kill does not.
 */
async function clickAndKill(service: Service, activity: Record<string, unknown>, killAfterMs: number, background = false): Promise<boolean> {
  let answered: Answer | null = null;
  const answer = post(service.url, activity).then((a) => {
    answered = a;
    return a;
  });
  await (!Number.isFinite(killAfterMs) ? answer : background ? sleep(killAfterMs) : Promise.race([answer, sleep(killAfterMs)]));
  await kill9(service.child);
  await answer;
  return (answered as Answer | null)?.ok === true;
}

function publishInvoke(f: number, fakeUrl: string): Record<string, unknown> {
  const sec = userOf(f, 'sec');
  return anInvoke(
    'agenda.publish',
    { forumId: forumId(f), meetingId: meetingId(f) },
    { serviceUrl: fakeUrl, from: sec, tenantId: tenantId(f), conversation: 'personal', conversationId: personalId(sec.id) },
  );
}

async function waitFor(probe: () => Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await probe()) return true;
    await sleep(200);
  }
  return false;
}

/** Until the fake connector has been quiet for `quietMs`. */
async function quiet(fake: FakeConnector, quietMs = 500): Promise<void> {
  for (let last = -1; fake.received() !== last; ) {
    last = fake.received();
    await sleep(quietMs);
  }
}

/** Reminder jobs found in place by the invariant checks (proof that the check looked at something). */
let checkedJobs = 0;

async function followUpInvariants(store: Store, forum: Forum, f: number): Promise<string[]> {
  const broken: string[] = [];
  const decision = await store.decisions.get(meetingId(f), 1);
  if (!decision) return ['no decision after the retry'];
  const followUps = await store.followUps.listByMeeting(forum.id, meetingId(f));
  if (!followUps.some((x) => x.text.includes(`opfølgning ${f})`))) broken.push('the decision has no follow-up');
  const forums = new Map([[forum.id, forum]]);
  for (const x of followUps.filter((y) => y.status === 'open')) {
    for (const u of recipientsOf(x)) {
      const next = nextForUser([x], forums, u, new Date());
      if (!next) continue;
      const job = await store.jobs.get(reminderJobId(u, next.date));
      if (job?.value.status !== 'pending') broken.push(`open follow-up without its reminder job (${next.date})`);
      else checkedJobs++;
    }
  }
  return broken;
}

async function decisionTrial(ctx: Context, f: number, killAfterMs: number): Promise<Trial> {
  const store = await ctx.storage.store();
  const forum = await seedForum(store, f, ctx.fake.url);
  await seedPublished(store, forum, f, ctx.fake);
  const invoke = () => decisionInvoke(f, { forums: f + 1, items: 1 }, ctx.fake.url, inDays(10));
  const acknowledged = await clickAndKill(ctx.service, invoke(), killAfterMs);
  ctx.service = await startService(ctx.mainJs, ctx.storage.env);
  const after = await ctx.storage.store();
  const lostAcknowledged = acknowledged && !(await after.decisions.get(meetingId(f), 1));
  let retryAnswer: string | null = null;
  if (!acknowledged) {
    const retry = await post(ctx.service.url, invoke());
    retryAnswer = retry.ok ? 'success' : `failed (${retry.status})`;
  }
  await quiet(ctx.fake, 200);
  return { acknowledged, lostAcknowledged, broken: await followUpInvariants(after, forum, f), duplicates: 0, retryAnswer };
}

/** Posted cards (not updates) since `from`, keyed by conversation and the card's first text (trial number as F). */
function postedCards(fake: FakeConnector, from: number, f: number): Map<string, number> {
  const counts = new Map<string, number>();
  const mine = new RegExp(`-${f}(@|$)`); // this trial's channel and its people's 1:1 chats
  for (const s of fake.sent().slice(from)) {
    if (s.kind === 'update' || !mine.test(s.conversationId.split(';')[0])) continue;
    const cards = ((s.activity.attachments ?? []) as { contentType?: string; content?: unknown }[]).filter(
      (a) => a.contentType === 'application/vnd.microsoft.card.adaptive',
    );
    for (const c of cards) {
      const first = /"type":"TextBlock","text":"([^"]*)"/.exec(JSON.stringify(c.content))?.[1] ?? JSON.stringify(c.content).slice(0, 80);
      const key = `${s.conversationId.split(';')[0]} ${first}`.replaceAll(String(f), 'F');
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  return counts;
}

/** Moves the dead instance's leases into the past, as if their time had run out. */
async function expireLeases(store: Store, forum: Forum): Promise<void> {
  for (const job of await store.jobs.listByForum(forum.id)) {
    if (job.status !== 'claimed') continue;
    const current = await store.jobs.get(job.id);
    if (current?.value.status === 'claimed') {
      await store.jobs.update({ ...current.value, leaseUntil: new Date(Date.now() - 60_000).toISOString() }, current.etag).catch(() => undefined);
    }
  }
}

async function published(store: Store, forum: Forum, f: number): Promise<boolean> {
  const meeting = await store.meetings.get(forum.id, meetingId(f));
  const job = (await store.jobs.listByForum(forum.id)).find((j) => j.kind === 'publish-agenda');
  return meeting?.value.status === 'published' && (!job || job.status === 'done');
}

async function publishTrial(ctx: Context, f: number, killAfterMs: number | null): Promise<Trial & { posted: Set<string> }> {
  const store = await ctx.storage.store();
  const forum = await seedForum(store, f, ctx.fake.url);
  await seedDraft(store, forum, f);
  await quiet(ctx.fake, 200);
  const from = ctx.fake.sent().length;
  let acknowledged = true;
  let lostAcknowledged = false;
  let retryAnswer: string | null = null;
  if (killAfterMs === null) {
    acknowledged = (await post(ctx.service.url, publishInvoke(f, ctx.fake.url))).ok;
  } else {
    acknowledged = await clickAndKill(ctx.service, publishInvoke(f, ctx.fake.url), killAfterMs, true);
    ctx.service = await startService(ctx.mainJs, ctx.storage.env);
    const after = await ctx.storage.store();
    const job = (await after.jobs.listByForum(forum.id)).find((j) => j.kind === 'publish-agenda');
    const meeting = await after.meetings.get(forum.id, meetingId(f));
    lostAcknowledged = acknowledged && !job && meeting?.value.status !== 'published';
    await expireLeases(after, forum);
    if (!acknowledged) {
      const retry = await post(ctx.service.url, publishInvoke(f, ctx.fake.url));
      retryAnswer = retry.ok ? 'success' : `failed (${retry.status})`;
    }
  }
  const after = await ctx.storage.store();
  const done = await waitFor(() => published(after, forum, f), 30_000);
  await quiet(ctx.fake);
  const counts = postedCards(ctx.fake, from, f);
  const posted = [...counts.values()].reduce((a, b) => a + b, 0);
  const broken: string[] = [];
  if (!done) broken.push('the agenda is not out 30 s after the restart');
  if (!done && process.env.KILL_BENCH_DEBUG)
    console.log(
      acknowledged,
      JSON.stringify(await after.meetings.get(forum.id, meetingId(f))).slice(0, 300),
      JSON.stringify(await after.jobs.listByForum(forum.id)),
      ctx.service.output(),
      JSON.stringify(ctx.fake.sent().slice(from)).slice(0, 1000),
    );
  const missing = [...(ctx.expectedCards ?? [])].filter((k) => !counts.has(k));
  if (missing.length > 0) broken.push(`card(s) never posted: ${missing.join(', ')}`);
  return { acknowledged, lostAcknowledged, broken, duplicates: posted - counts.size, retryAnswer, posted: new Set(counts.keys()) };
}

// ---------- the run ----------

interface Context {
  fake: FakeConnector;
  mainJs: string;
  storage: Storage;
  service: Service;
  /** The cards an uninterrupted publication posts (measured first, per setup). */
  expectedCards: Set<string> | null;
}

export interface KillResult {
  kind: 'kill';
  trials: number;
  rows: Row[];
}

interface Row {
  setup: Setup;
  op: Op;
  trials: number;
  acknowledged: number;
  lostAcknowledged: number;
  broken: number;
  brokenWhy: Record<string, number>;
  withDuplicates: number;
  duplicates: number;
  retries: Record<string, number>;
}

async function runSetup(setup: Setup, fake: FakeConnector, mainJs: string, next: () => number): Promise<Row[]> {
  const storage = await openStorage(setup);
  const ctx: Context = { fake, mainJs, storage, service: await startService(mainJs, storage.env), expectedCards: null };
  const rows: Row[] = [];
  try {
    for (const op of OPS) {
      if (op === 'publish') {
        const reference = await publishTrial(ctx, next(), null);
        if (reference.broken.length > 0 || reference.duplicates > 0) throw new Error(`the uninterrupted publication failed: ${reference.broken.join('; ')}`);
        ctx.expectedCards = reference.posted;
      }
      const row: Row = { setup, op, trials: 0, acknowledged: 0, lostAcknowledged: 0, broken: 0, brokenWhy: {}, withDuplicates: 0, duplicates: 0, retries: {} };
      for (let i = 0; i < TRIALS; i++) {
        const f = next();
        const killAfterMs = i % 3 === 2 ? Number.POSITIVE_INFINITY : random() * KILL_WINDOW_MS[op];
        const trial = op === 'decision' ? await decisionTrial(ctx, f, killAfterMs) : await publishTrial(ctx, f, killAfterMs);
        row.trials++;
        if (trial.acknowledged) row.acknowledged++;
        if (trial.lostAcknowledged) row.lostAcknowledged++;
        if (trial.broken.length > 0) row.broken++;
        for (const why of trial.broken) row.brokenWhy[why] = (row.brokenWhy[why] ?? 0) + 1;
        if (trial.duplicates > 0) row.withDuplicates++;
        row.duplicates += trial.duplicates;
        if (trial.retryAnswer) row.retries[trial.retryAnswer] = (row.retries[trial.retryAnswer] ?? 0) + 1;
        process.stdout.write(
          `${setup} ${op} #${i + 1} (kill ${Number.isFinite(killAfterMs) ? `at ${killAfterMs.toFixed(0)} ms` : 'after the answer'}): ${trial.acknowledged ? 'answered' : 'not answered'}${trial.lostAcknowledged ? ', LOST' : ''}${trial.broken.length ? `, broken: ${trial.broken.join('; ')}` : ''}${trial.duplicates ? `, ${trial.duplicates} duplicate(s)` : ''}\n`,
        );
      }
      rows.push(row);
    }
  } finally {
    await stopGracefully(ctx.service.child);
    await storage.stop();
  }
  return rows;
}

function print(rows: Row[]): void {
  console.log(`\nKill test: SIGKILL during the click, restart on the same storage, retry/resume (${TRIALS} trials each)\n`);
  console.log('setup    | click    | trials | answered | lost answered | broken | with duplicates | duplicate posts | retries of unanswered clicks');
  console.log('---------|----------|--------|----------|---------------|--------|-----------------|-----------------|-----------------------------');
  for (const r of rows) {
    const retries =
      Object.entries(r.retries)
        .map(([k, v]) => `${v} ${k}`)
        .join(', ') || '–';
    console.log(
      [
        r.setup.padEnd(8),
        r.op.padEnd(8),
        String(r.trials).padStart(6),
        String(r.acknowledged).padStart(8),
        String(r.lostAcknowledged).padStart(13),
        String(r.broken).padStart(6),
        String(r.withDuplicates).padStart(15),
        String(r.duplicates).padStart(15),
        retries,
      ].join(' | '),
    );
  }
  console.log(`\n(reminder jobs checked and found in place: ${checkedJobs})`);
  const why = rows.flatMap((r) => Object.entries(r.brokenWhy).map(([k, v]) => `- ${r.setup} ${r.op}: ${v}× ${k}`));
  if (why.length > 0) console.log(`\nBroken invariants:\n${why.join('\n')}`);
}

async function main(): Promise<void> {
  const fake = await startFakeConnector();
  const mainJs = await bundleMain();
  let f = 9_000;
  const rows: Row[] = [];
  try {
    for (const setup of SETUPS) rows.push(...(await runSetup(setup, fake, mainJs, () => f++)));
  } finally {
    await fake.close();
    rmSync(path.dirname(mainJs), { recursive: true, force: true });
  }
  print(rows);
  const json = arg('json');
  const result: KillResult = { kind: 'kill', trials: TRIALS, rows };
  if (json) writeFileSync(json, JSON.stringify(result, null, 2));
  if (rows.some((r) => r.lostAcknowledged > 0)) {
    console.error('\nFAIL: acknowledged writes lost');
    process.exitCode = 1;
  }
}

if (require.main === module) {
  main().catch((e: unknown) => {
    console.error(e instanceof Error ? e.stack : String(e));
    process.exitCode = 1;
  });
}
