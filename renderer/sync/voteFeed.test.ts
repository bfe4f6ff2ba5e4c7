import { beforeEach, describe, expect, it } from 'vitest';
import { FakeTransport } from './fakeTransport.ts';
import { VoteFeed } from './voteFeed.ts';

let transport: FakeTransport;
let feed: VoteFeed;

beforeEach(() => {
  transport = new FakeTransport();
  feed = new VoteFeed(transport, 'm1');
  feed.start();
});

const mine = [{ principal: 'u1', voted: false }];

describe('VoteFeed', () => {
  it('asks for a newly watched vote once connected, and again after a reconnect', () => {
    feed.watch(['v1']);
    expect(transport.statuses).toHaveLength(0);
    transport.connect();
    expect(transport.statuses.map((s) => s.req)).toEqual([{ meetingId: 'm1', voteId: 'v1' }]);
    feed.watch(['v1']);
    expect(transport.statuses).toHaveLength(1);
    transport.statuses[0]?.ack({ ok: true, cast: 2, eligible: 5, mine });
    expect(feed.getSnapshot().v1).toEqual({ cast: 2, eligible: 5, counts: null, mine });
    transport.disconnect();
    transport.connect();
    expect(transport.statuses).toHaveLength(2);
  });

  it('follows tallies of its meeting and keeps the ballots it knows', () => {
    transport.connect();
    feed.watch(['v1']);
    transport.statuses[0]?.ack({ ok: true, cast: 0, eligible: 4, mine });
    transport.tally({ meetingId: 'm1', voteId: 'v1', cast: 3, eligible: 4, counts: { agree: 3 } });
    transport.tally({ meetingId: 'other', voteId: 'v1', cast: 9, eligible: 9 });
    expect(feed.getSnapshot().v1).toEqual({ cast: 3, eligible: 4, counts: { agree: 3 }, mine });
  });

  it('does not let a status answer older than a tally win, but takes its ballots', () => {
    transport.connect();
    feed.watch(['v1']);
    transport.tally({ meetingId: 'm1', voteId: 'v1', cast: 4, eligible: 4 });
    const voted = [{ principal: 'u1', voted: true }];
    transport.statuses[0]?.ack({ ok: true, cast: 3, eligible: 4, mine: voted });
    expect(feed.getSnapshot().v1).toEqual({ cast: 4, eligible: 4, counts: null, mine: voted });
  });

  it('ignores refusals and stops asking for votes no longer watched', () => {
    transport.connect();
    feed.watch(['v1', 'v2']);
    transport.statuses[0]?.ack({ ok: false, error: { code: 'FORBIDDEN', message: 'no' } });
    expect(feed.getSnapshot().v1).toBeUndefined();
    feed.watch(['v2']);
    transport.disconnect();
    transport.connect();
    expect(transport.statuses.slice(2).map((s) => s.req.voteId)).toEqual(['v2']);
  });
});
