// The projector link: a read-only token for the room's screen. It joins its meeting only, sees
// events and the counts a vote shows to all, sends no commands, and stops working when revoked.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io } from 'socket.io-client';
import { PROTOCOL_VERSION } from '../core/index.ts';
import {
  api,
  createMeeting,
  expectOk,
  TestClient,
  startTestServer,
  until,
  type ClientSocket,
  type TestServer,
} from './testing/harness.ts';
import { ballotToken, cast, openVote, readyToVote, tallies, voteStatus } from './testing/voting.ts';

let t: TestServer;
const sockets: ClientSocket[] = [];

beforeAll(async () => {
  t = await startTestServer();
});

afterAll(async () => {
  for (const s of sockets) s.disconnect();
  await t?.close();
});

function projector(token: string): Promise<TestClient> {
  const socket: ClientSocket = io(t.url, {
    auth: { projector: token, protocol: PROTOCOL_VERSION },
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
  });
  sockets.push(socket);
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(new TestClient(socket)));
    socket.once('connect_error', (err) => reject(err));
  });
}

describe('the projector', () => {
  it('joins with its token, watches read-only, and is cut off when the token is revoked', async () => {
    const m = await createMeeting(t, { delegates: 2, items: 1 });
    const other = await createMeeting(t, { delegates: 1, items: 1 });
    const chair = await readyToVote(t, m);
    const path = `/api/meetings/${m.meetingId}/projector`;
    expect((await api(t.url, path, { token: m.delegates[0]!.token, json: {} })).status).toBe(403);
    expect((await api(t.url, path, { token: m.outsider.token, json: {} })).status).toBe(404);
    const made = await api<{ token: string; url: string }>(t.url, path, {
      token: m.chair.token,
      json: {},
    });
    expect(made.status).toBe(201);
    expect(made.json.url).toBe(`/#/projector/${m.meetingId}/${made.json.token}`);

    const screen = await projector(made.json.token);
    const joined = await screen.join(m.meetingId);
    expect(joined).toMatchObject({ ok: true, mode: 'snapshot', meetingId: m.meetingId });
    expect(await screen.join(other.meetingId)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    // read-only: every command is refused, the harmless ones too
    const tries = [
      { type: 'agenda.setCurrent', payload: { itemId: null } },
      { type: 'speaker.register', payload: { kind: 'speech', addressedTo: '' } },
      { type: 'meeting.setStatus', payload: { status: 'closed' } },
    ];
    for (const command of tries)
      expect(await screen.command(m.meetingId, command)).toEqual({
        ok: false,
        error: { code: 'FORBIDDEN', message: 'The projector view is read-only.' },
      });

    // it sees the meeting move, and a vote's counts when the vote shows them to all
    const seen = tallies(screen);
    const hidden = await openVote(chair, m.meetingId, m.itemIds[0]!, { visibility: 'chair' });
    const shown = await openVote(chair, m.meetingId, m.itemIds[0]!, { visibility: 'all' });
    const d1 = await t.connect(m.delegates[0]!.token);
    await expectOk(d1.command(m.meetingId, cast(hidden, ['agree'], ballotToken())));
    await expectOk(d1.command(m.meetingId, cast(shown, ['disagree'], ballotToken())));
    await until(
      () => seen.some((x) => x.voteId === hidden) && seen.some((x) => x.voteId === shown),
      'both tallies',
    );
    expect(seen.filter((x) => x.voteId === hidden).every((x) => x.counts === undefined)).toBe(true);
    expect(seen.find((x) => x.voteId === shown)?.counts).toEqual({
      agree: 0,
      disagree: 1,
      abstain: 0,
    });
    expect(await voteStatus(screen, m.meetingId, shown)).toMatchObject({
      ok: true,
      cast: 1,
      mine: [],
    });
    await expectOk(chair.command(m.meetingId, { type: 'vote.close', payload: { voteId: hidden } }));
    await until(
      () => screen.events.some((e) => e.type === 'vote.closed'),
      'the result on the screen',
    );

    // a new link replaces the old one; revoking ends it
    const again = await api<{ token: string }>(t.url, path, { token: m.secretary.token, json: {} });
    expect(again.status).toBe(201);
    await until(() => !screen.socket.connected, 'the old projector cut off');
    await expect(projector(made.json.token)).rejects.toMatchObject({ message: 'UNAUTHENTICATED' });
    const second = await projector(again.json.token);
    expect((await api(t.url, path, { method: 'DELETE', token: m.chair.token })).status).toBe(204);
    await until(() => !second.socket.connected, 'the projector cut off');
    await expect(projector(again.json.token)).rejects.toMatchObject({ message: 'UNAUTHENTICATED' });

    // closing the meeting ends the link too, and no new one is made
    const third = await api<{ token: string }>(t.url, path, { token: m.chair.token, json: {} });
    const last = await projector(third.json.token);
    expect((await last.join(m.meetingId)).ok).toBe(true);
    await expectOk(chair.command(m.meetingId, { type: 'vote.close', payload: { voteId: shown } }));
    await expectOk(
      chair.command(m.meetingId, { type: 'meeting.setStatus', payload: { status: 'closed' } }),
    );
    await until(() => !last.socket.connected, 'the projector cut off at the close');
    await expect(projector(third.json.token)).rejects.toMatchObject({ message: 'UNAUTHENTICATED' });
    expect((await api(t.url, path, { token: m.chair.token, json: {} })).status).toBe(409);
  });
});
