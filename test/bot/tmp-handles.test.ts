import { startHarness } from '../support/harness';
test('x', async () => {
  const h = await startHarness();
  await h.stopStorage();
  const t0 = Date.now();
  const res = await h.get('/healthz');
  console.log('health', res.status, Date.now() - t0);
  await h.stop();
  await new Promise((r) => setTimeout(r, 100));
  const handles: string[] = (process as unknown as { getActiveResourcesInfo(): string[] }).getActiveResourcesInfo();
  console.log(handles); await new Promise((r) => setTimeout(r, 3000)); console.log((process as unknown as { getActiveResourcesInfo(): string[] }).getActiveResourcesInfo());
});
