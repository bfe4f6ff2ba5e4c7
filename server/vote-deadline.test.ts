// Deadlines survive a restart: a deadline that passed while the server was down closes the vote
// when it starts; one still ahead is armed again and closes the vote on time.
import { afterAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from './app.ts';
import {
  connect,
  createMeeting,
  expectOk,
  sleep,
  startTestServer,
  until,
  type TestClient,
  type TestServer,
} from './testing/harness.ts';
import { ballotToken, cast, openVote, readyToVote } from './testing/voting.ts';

let t: TestServer | undefined;
let restarted: RunningServer | undefined;
const clients: TestClient[] = [];

afterAll(async () => {
  for (const c of clients) c.close();
  await restarted?.close();
  await t?.close();
});

describe('a vote deadline and a restart', () => {
  it('closes on start when it passed meanwhile, and on time when it is still ahead', async () => {
    t = await startTestServer();
    const m = await createMeeting(t, { delegates: 2, items: 1 });
    const chair = await readyToVote(t, m);
    const item = m.itemIds[0]!;
    const soon = new Date(Date.now() + 1000).toISOString();
    const later = new Date(Date.now() + 3000).toISOString();
    const passed = await openVote(chair, m.meetingId, item, { deadline: soon, kind: 'secret' });
    const ahead = await openVote(chair, m.meetingId, item, { deadline: later });
    const d1 = await t.connect(m.delegates[0]!.token);
    await expectOk(d1.command(m.meetingId, cast(passed, ['agree'], ballotToken())));
    await expectOk(d1.command(m.meetingId, cast(ahead, ['disagree'], ballotToken())));

    d1.close();
    chair.close();
    await t.server.close();
    await sleep(Math.max(0, Date.parse(soon) - Date.now() + 300));
    restarted = await startServer({
      dataDir: t.dataDir,
      port: 0,
      host: '127.0.0.1',
      passwordCost: 10,
    });
    const watcher = await connect(restarted.url, m.delegates[1]!.token);
    clients.push(watcher);
    const state = await watcher.snapshot(m.meetingId);
    expect(state.votes[passed]).toMatchObject({
      status: 'closed',
      closedAt: soon,
      result: { cast: 1, counts: { agree: 1 } },
    });
    expect(state.votes[ahead]?.status).toBe('open');

    await until(
      () => watcher.events.some((e) => e.type === 'vote.closed'),
      'the second close',
      5000,
    );
    const closed = watcher.events.find((e) => e.type === 'vote.closed')!;
    expect(Date.parse(closed.at)).toBeGreaterThanOrEqual(Date.parse(later));
    expect(closed).toMatchObject({
      actor: 'system',
      payload: { voteId: ahead, result: { cast: 1, counts: { disagree: 1 } } },
    });
  });
});
