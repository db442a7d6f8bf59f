import { startEmbeddedAzurite } from './src/store/azurite';
import { createTableStore } from './src/store/tables';
import { aJob } from './test/store/builders';
(async () => {
  const az = await startEmbeddedAzurite();
  const seed = await createTableStore({ connectionString: az.connectionString }, { tablePrefix: 'p1' });
  const T0 = new Date('2026-05-24T06:00:00.000Z');
  let t = Date.now();
  const ids = Array.from({ length: 300 }, (_, i) => `job-${i}`);
  for (let i = 0; i < ids.length; i += 30) await Promise.all(ids.slice(i, i + 30).map((id, k) => seed.jobs.schedule(aJob({ id, dueAt: new Date(T0.getTime() - (i + k) * 1000).toISOString() }))));
  console.log('seed', Date.now() - t); t = Date.now();
  const instances = await Promise.all(['a', 'b', 'c'].map(() => createTableStore({ connectionString: az.connectionString }, { tablePrefix: 'p1' })));
  let calls = 0;
  const r = await Promise.all(instances.map(async (s, n) => { const mine: string[] = []; for (;;) { calls++; const b = await s.jobs.claimDue(T0, { owner: `i${n}`, leaseMs: 300000, limit: 25 }); if (!b.length) return mine; mine.push(...b.map(j => j.value.id)); } }));
  console.log('claim', Date.now() - t, calls, r.map(x => x.length));
  await az.stop();
})();
