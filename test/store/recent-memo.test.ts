/** The store's short-lived memory (forum of a channel, meeting versions, written references) stays bounded. */
import { RecentMemo } from '../../src/store/tables/context';

describe('what the store keeps in memory', () => {
  it('forgets an entry once it is older than its age limit', () => {
    let now = 0;
    const memo = new RecentMemo<string>(() => now, 1_000);
    memo.set('19:kanal', 'forum-1');
    now = 1_000;
    expect(memo.get('19:kanal')).toBe('forum-1');
    now = 1_001;
    expect(memo.get('19:kanal')).toBeUndefined();
  });

  it('forgets the oldest entries first when their weight passes the capacity', () => {
    const memo = new RecentMemo<string>(() => 0, 60_000, 10);
    memo.set('a', 'møde a', 4);
    memo.set('b', 'møde b', 4);
    memo.set('c', 'møde c', 4);
    expect([memo.get('a'), memo.get('b'), memo.get('c')]).toEqual([undefined, 'møde b', 'møde c']);
  });

  it('does not keep an entry heavier than the whole capacity, and does not let it push others out', () => {
    const memo = new RecentMemo<string>(() => 0, 60_000, 10);
    memo.set('small', 'lille møde', 2);
    memo.set('huge', 'stort møde', 11);
    expect(memo.get('huge')).toBeUndefined();
    expect(memo.get('small')).toBe('lille møde');
  });
});
