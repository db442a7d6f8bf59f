import { publishAgenda } from '../../src/app/publish-agenda';
import { aMeeting, FORUM_ID, useWorld } from './world';
const world = useWorld();
it('debug', async () => {
  const w = await world();
  await w.store.meetings.create(aMeeting());
  let sends = 0;
  w.fake.failNext(1, 503, { match: (r) => r.kind === 'send' && ++sends === 3 });
  try { await publishAgenda(w.deps, { forumId: FORUM_ID, meetingId: 'meeting-1' }); } catch (e) { console.log('ERR', e); }
  console.log(w.fake.requests().map((r) => `${r.kind} ${r.status}`).join('\n'));
});
