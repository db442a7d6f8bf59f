/** Setting up a forum in a team channel: the set-up card from the team roster, then `forum.setup`. */
import { forumIdFor } from '../../src/bot/handlers/setup';
import { DEFAULT_REMINDER_POLICY } from '../../src/domain';
import { t } from '../../src/i18n';
import { TEST_CHANNEL, TEST_TEAM, TEST_TENANT, type TestUser, USERS } from '../support/activities';
import { type Harness, startHarness } from '../support/harness';
import { useHarness } from '../support/use-harness';

type Card = Record<string, unknown>;

/** The Action.Execute of the set-up card, and the roster (user ids in card order) it carries. */
function saveAction(card: Card): { verb: string; data: { roster: string[] } } {
  const actions = card.actions as { type: string; verb: string; data: { roster: string[] } }[];
  const save = actions.find((a) => a.type === 'Action.Execute');
  if (!save) throw new Error('no Action.Execute on the set-up card');
  return save;
}

function input(card: Card, id: string): { value?: string; choices?: { title: string; value: string }[] } {
  const found = (card.body as { id?: string }[]).find((b) => b.id === id);
  if (!found) throw new Error(`no input ${id}`);
  return found as { value?: string; choices?: { title: string; value: string }[] };
}

/** What Teams sends when the user fills in the card: the action's data plus the inputs. */
function filledIn(card: Card, choice: { name: string; secretary: TestUser; chair: TestUser; members: [TestUser, string][] }): Record<string, unknown> {
  const { data } = saveAction(card);
  const index = (u: TestUser) => String(data.roster.indexOf(u.id));
  const departments = Object.fromEntries(choice.members.map(([u, dept]) => [`dept_${index(u)}`, dept]));
  return {
    ...data,
    forumName: choice.name,
    secretary: index(choice.secretary),
    chair: index(choice.chair),
    members: choice.members.map(([u]) => index(u)).join(','),
    ...departments,
  };
}

/** True when a card that reached Teams shows `text`. */
function shown(h: Harness, text: string): boolean {
  return JSON.stringify(h.fake.cards()).includes(JSON.stringify(text).slice(1, -1));
}

const channel = { conversation: 'channel' as const };
const forumId = forumIdFor(TEST_TENANT, TEST_CHANNEL.id);

describe('setting up a forum', () => {
  const h = useHarness();

  test('"opsæt" in the channel answers with the set-up card listing the team from Teams, the asker as secretary', async () => {
    const res = await h.post(h.aMessage('opsæt', channel));
    expect(res.status).toBe(200);
    expect(
      h.fake
        .requests()
        .filter((r) => r.kind === 'paged-members')
        .map((r) => r.conversationId),
    ).toEqual([TEST_TEAM.id]);
    const [card] = h.fake.cards();
    const names = input(card, 'secretary').choices!.map((c) => c.title);
    expect(names.sort()).toEqual(
      Object.values(USERS)
        .map((u) => u.name)
        .sort(),
    );
    const { data } = saveAction(card);
    expect(data.roster[Number(input(card, 'secretary').value)]).toBe(USERS.secretary.id);
  });

  test('saving the card creates the forum with roles, departments and the default reminder policy', async () => {
    await h.post(h.aMessage('opsæt', channel));
    const [card] = h.fake.cards();
    h.fake.reset();
    const data = filledIn(card, {
      name: 'Ledelsesforum',
      secretary: USERS.secretary,
      chair: USERS.director,
      members: [
        [USERS.director, 'Direktionen'],
        [USERS.chiefCulture, 'Kultur & Fritid'],
        [USERS.chiefTech, 'Miljø & Teknik'],
      ],
    });
    const res = await h.post(h.anInvoke('forum.setup', data, channel));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });

    const forum = (await h.store.forums.get(forumId))!.value;
    expect(forum).toMatchObject({
      name: 'Ledelsesforum',
      tenantId: TEST_TENANT,
      conversationId: TEST_CHANNEL.id,
      locale: 'da',
      reminderPolicy: DEFAULT_REMINDER_POLICY,
    });
    const roles = Object.fromEntries(forum.members.map((m) => [m.name, [m.role, m.department, m.aadObjectId]]));
    expect(roles).toEqual({
      [USERS.secretary.name]: ['secretary', null, USERS.secretary.aadObjectId],
      [USERS.director.name]: ['chair', 'Direktionen', USERS.director.aadObjectId],
      [USERS.chiefCulture.name]: ['member', 'Kultur & Fritid', USERS.chiefCulture.aadObjectId],
      [USERS.chiefTech.name]: ['member', 'Miljø & Teknik', USERS.chiefTech.aadObjectId],
    });
    expect(forum.departments).toEqual(['Direktionen', 'Kultur & Fritid', 'Miljø & Teknik']);
    expect(h.fake.texts(TEST_CHANNEL.id)).toEqual([
      t('da', 'bot.setup.created', { name: 'Ledelsesforum', secretary: USERS.secretary.name, chair: USERS.director.name, count: 4 }),
    ]);
    expect(await h.store.forums.findByConversation(TEST_CHANNEL.id)).not.toBeNull();
  });

  test('a member who tries to set the forum up again is refused politely and the forum stays as it was', async () => {
    const before = await h.store.forums.get(forumId);
    await h.post(h.aMessage('opsæt', { ...channel, from: USERS.chiefCulture }));
    expect(shown(h, t('da', 'bot.setup.refused'))).toBe(true);
    h.fake.reset();
    const res = await h.post(
      h.anInvoke(
        'forum.setup',
        { roster: [USERS.chiefCulture.id], forumName: 'Mit forum', secretary: '0', chair: '0', members: '0' },
        { ...channel, from: USERS.chiefCulture },
      ),
    );
    expect(res.status).toBe(200);
    expect(JSON.stringify(res.body)).toContain(t('da', 'bot.setup.refused'));
    expect((await h.store.forums.get(forumId))!.etag).toBe(before!.etag);
  });

  test('the secretary re-running set-up updates the roster', async () => {
    await h.post(h.aMessage('setup', channel));
    const [card] = h.fake.cards();
    expect(input(card, 'forumName').value).toBe('Ledelsesforum');
    h.fake.reset();
    const data = filledIn(card, {
      name: 'Ledelsesforum Testrup',
      secretary: USERS.secretary,
      chair: USERS.director,
      members: [
        [USERS.chiefTech, 'Miljø & Teknik'],
        [USERS.chiefFinance, 'Økonomi & Stab'],
      ],
    });
    const res = await h.post(h.anInvoke('forum.setup', data, channel));
    expect(res.status).toBe(200);
    const forum = (await h.store.forums.get(forumId))!.value;
    expect(forum.name).toBe('Ledelsesforum Testrup');
    expect(forum.members.map((m) => m.name).sort()).toEqual([USERS.chiefFinance.name, USERS.chiefTech.name, USERS.director.name, USERS.secretary.name].sort());
    expect(h.fake.texts()[0]).toContain('er opdateret');
  });

  test('the same person cannot be both secretary and chair', async () => {
    await h.post(h.aMessage('opsæt', channel));
    const [card] = h.fake.cards();
    const data = filledIn(card, { name: 'X', secretary: USERS.secretary, chair: USERS.secretary, members: [[USERS.chiefTech, '']] });
    const res = await h.post(h.anInvoke('forum.setup', data, channel));
    expect(JSON.stringify(res.body)).toContain(t('da', 'bot.setup.same-person'));
  });

  test('in a channel without a forum any team member may start set-up; once it exists, a member is refused', async () => {
    const other = { conversation: 'channel' as const, conversationId: '19:another-channel@thread.tacv2' };
    const res = await h.post(h.aMessage('opsæt', { ...other, from: USERS.chiefTech }));
    expect(res.status).toBe(200);
    const [card] = h.fake.cards();
    expect(card).toBeDefined();
    expect(saveAction(card).data.roster[Number(input(card, 'secretary').value)]).toBe(USERS.chiefTech.id);
    h.fake.reset();

    const data = filledIn(card, {
      name: 'Teknisk forum',
      secretary: USERS.chiefTech,
      chair: USERS.director,
      members: [[USERS.chiefCulture, 'Kultur & Fritid']],
    });
    const saved = await h.post(h.anInvoke('forum.setup', data, { ...other, from: USERS.chiefTech }));
    expect(saved.body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
    const forum = await h.store.forums.findByConversation(other.conversationId);
    expect(forum?.value.members.find((m) => m.role === 'secretary')?.userId).toBe(USERS.chiefTech.id);
    h.fake.reset();

    await h.post(h.aMessage('opsæt', { ...other, from: USERS.chiefCulture }));
    expect(shown(h, t('da', 'bot.setup.refused'))).toBe(true);
    expect(h.fake.requests().some((r) => r.kind === 'paged-members')).toBe(false);
  });

  test('a set-up Teams redelivers while the first is still saving makes one forum, one confirmation, and answers both with the card', async () => {
    const other = { conversation: 'channel' as const, conversationId: '19:retried-channel@thread.tacv2', from: USERS.secretary };
    await h.post(h.aMessage('opsæt', other));
    const [card] = h.fake.cards();
    h.fake.reset();
    const data = filledIn(card, {
      name: 'Fjordby Ledermøde',
      secretary: USERS.secretary,
      chair: USERS.director,
      members: [[USERS.chiefCulture, 'Kultur & Fritid']],
    });
    const activity = h.anInvoke('forum.setup', data, other);
    const answers = await Promise.all([h.post(activity), h.post(activity)]);
    for (const a of answers)
      expect(a.body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: { body: expect.anything() } });
    expect(JSON.stringify(answers.map((a) => a.body))).not.toContain(JSON.stringify(t('da', 'card.error.title')).slice(1, -1));
    const posts = h.fake.sent().filter((s) => s.kind === 'send' || s.kind === 'reply');
    expect(posts).toHaveLength(1);
    expect(JSON.stringify(posts[0].activity)).toContain('Fjordby Ledermøde');
  });

  test('in 1:1 chat "opsæt" explains that set-up happens in the team channel', async () => {
    await h.post(h.aMessage('opsæt'));
    expect(shown(h, t('da', 'bot.setup.only-in-team'))).toBe(true);
    expect(h.fake.requests().some((r) => r.kind === 'paged-members')).toBe(false);
  });
});

describe('setting up a forum in a large team', () => {
  test('reads every page of the roster', async () => {
    const people = Array.from({ length: 250 }, (_, i) => ({ id: `29:person-${i}`, name: `Person ${String(i).padStart(3, '0')}`, aadObjectId: `aad-p-${i}` }));
    const h = await startHarness({ roster: people });
    try {
      const res = await h.post(
        h.aMessage('opsæt', { conversation: 'channel', from: { id: people[7].id, name: people[7].name, aadObjectId: people[7].aadObjectId } }),
      );
      expect(res.status).toBe(200);
      const pages = h.fake.requests().filter((r) => r.kind === 'paged-members');
      expect(pages).toHaveLength(2);
      expect(pages[1].query.continuationToken).toBeTruthy();
      expect(h.fake.cards()).toHaveLength(1);
    } finally {
      await h.stop();
    }
  });
});
