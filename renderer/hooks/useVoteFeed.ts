// Live figures of a meeting's open votes (see sync/voteFeed.ts).
import { useEffect, useMemo, useSyncExternalStore } from 'react';
import type { Transport } from '../sync/transport.ts';
import { VoteFeed, type VoteLive } from '../sync/voteFeed.ts';

export interface UseVoteFeed {
  live: Readonly<Record<string, VoteLive>>;
  refresh: (voteId: string) => void;
}

export function useVoteFeed(
  transport: Transport,
  meetingId: string,
  openVoteIds: readonly string[],
): UseVoteFeed {
  const feed = useMemo(() => new VoteFeed(transport, meetingId), [transport, meetingId]);
  useEffect(() => feed.start(), [feed]);
  const key = openVoteIds.join(',');
  useEffect(() => {
    feed.watch(key ? key.split(',') : []);
  }, [feed, key]);
  const live = useSyncExternalStore(feed.subscribe, feed.getSnapshot);
  return useMemo(() => ({ live, refresh: (id: string) => feed.refresh(id) }), [live, feed]);
}
