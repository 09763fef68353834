import { describe, expect, it } from 'vitest';
import { createQueryClient, invalidateAfter } from './query';

describe('data.changed in the renderer', () => {
  it('marks stale exactly the cached answers the write may have changed', async () => {
    const client = createQueryClient();
    for (const key of [['meetings.get', { id: 1 }], ['walk.state'], ['services.list'], ['app.info'], ['findings.list', { meetingId: 1 }]])
      client.setQueryData(key, { any: 'thing' });
    await invalidateAfter(client, 'findings.create');
    const stale = client
      .getQueryCache()
      .getAll()
      .filter((q) => q.state.isInvalidated)
      .map((q) => q.queryKey[0])
      .sort();
    expect(stale).toEqual(['findings.list', 'meetings.get', 'walk.state']);
  });
});
