// A secret vote links no voter to a choice: not in any message any client receives (every event
// name, every ack), not in any file under the data folder. Several voters with different
// choices, a vote changed with the same token, a proxy ballot, a retry and a restart between.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ClientCommand } from '../core/index.ts';
import { startServer, type RunningServer } from './app.ts';
import {
  api,
  connect,
  createMeeting,
  expectOk,
  startTestServer,
  type MeetingFixture,
  type Person,
  type TestClient,
  type TestServer,
} from './testing/harness.ts';
import { ballotToken, cast, openVote, readyToVote, voteStatus } from './testing/voting.ts';

let t: TestServer | undefined;
let restarted: RunningServer | undefined;
const clients: TestClient[] = [];

afterAll(async () => {
  for (const c of clients) c.close();
  await restarted?.close();
  await t?.close();
});

/** Everything the server sent to the clients: every pushed event and every ack. */
const received: { what: string; data: unknown }[] = [];

function record(c: TestClient): TestClient {
  c.socket.onAny((event: string, ...args: unknown[]) => received.push({ what: event, data: args }));
  clients.push(c);
  return c;
}

async function keep<T>(what: string, p: Promise<T>): Promise<T> {
  const value = await p;
  received.push({ what, data: value });
  return value;
}

/**
 * Every string value in a JSON value, except in a vote's `options` (its definition) and a
 * result's `leading` (the option(s) ahead in the whole count): they name options, not ballots.
 */
function strings(value: unknown, out = new Set<string>()): Set<string> {
  if (typeof value === 'string') out.add(value);
  else if (Array.isArray(value)) for (const v of value) strings(v, out);
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value))
      if (k !== 'options' && k !== 'leading') strings(v, out);
  return out;
}

async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await filesUnder(p)));
    else out.push(p);
  }
  return out;
}

describe('a secret vote', () => {
  it('never links a voter to a choice, in messages or on disk', async () => {
    t = await startTestServer();
    const m: MeetingFixture = await createMeeting(t, { delegates: 6, items: 1 });
    const [p1, p2, p3, p4, p5, p6] = m.delegates as [
      Person,
      Person,
      Person,
      Person,
      Person,
      Person,
    ];
    let chair = record(await readyToVote(t, m));
    const connectAll = async (url: string) => {
      const out = new Map<Person, TestClient>();
      for (const p of [m.secretary, ...m.delegates, m.observer]) {
        const c = record(await connect(url, p.token));
        await keep('join ack', c.join(m.meetingId));
        out.set(p, c);
      }
      return out;
    };
    let sock = await connectAll(t.url);
    const run = (who: Person, command: ClientCommand, id?: string) =>
      keep('command ack', expectOk(sock.get(who)!.command(m.meetingId, command, id)));

    // p6 is away and hands their vote to p5
    await run(p6, { type: 'proxy.grant', payload: { toUserId: p5.id } });
    await keep(
      'command ack',
      expectOk(
        chair.command(m.meetingId, {
          type: 'attendance.set',
          payload: { userId: p6.id, status: 'absent', reason: 'Ốm' },
        }),
      ),
    );
    const voteId = await openVote(chair, m.meetingId, m.itemIds[0]!, {
      kind: 'secret',
      visibility: 'all',
    });
    const tokens = new Map([m.chair, ...m.delegates].map((p) => [p.id, ballotToken()]));
    const tok = (p: Person) => tokens.get(p.id)!;
    const p1Ballot = cast(voteId, ['agree'], tok(p1));

    // before the restart
    await run(p1, p1Ballot, 'cmd-p1-ballot-0001');
    await run(p2, cast(voteId, ['disagree'], tok(p2)));
    await run(p4, cast(voteId, ['agree'], tok(p4)));
    await run(p5, cast(voteId, ['abstain'], tok(p6), p6.id));
    await keep(
      'command ack',
      expectOk(chair.command(m.meetingId, cast(voteId, ['abstain'], tok(m.chair)))),
    );
    expect(await keep('status', voteStatus(sock.get(p5)!, m.meetingId, voteId))).toMatchObject({
      ok: true,
      cast: 5,
      mine: [
        { principal: p5.id, voted: false },
        { principal: p6.id, voted: true },
      ],
    });

    // the server stops and starts again on the same folder; sessions survive
    for (const c of clients) c.close();
    await t.server.close();
    restarted = await startServer({
      dataDir: t.dataDir,
      port: 0,
      host: '127.0.0.1',
      passwordCost: 10,
    });
    chair = record(await connect(restarted.url, m.chair.token));
    await keep('join ack', chair.join(m.meetingId));
    sock = await connectAll(restarted.url);

    await run(p3, cast(voteId, ['disagree'], tok(p3)));
    await run(p4, cast(voteId, ['disagree'], tok(p4))); // changed, same token
    await run(p5, cast(voteId, ['agree'], tok(p5)));
    await run(p1, p1Ballot, 'cmd-p1-ballot-0001'); // a retry from before the restart
    const status = await keep('status', voteStatus(chair, m.meetingId, voteId));
    expect(status).toMatchObject({ ok: true, cast: 7, eligible: 7 });
    expect(status.ok && status.mine).toEqual([{ principal: m.chair.id, voted: true }]);

    await keep(
      'command ack',
      expectOk(chair.command(m.meetingId, { type: 'vote.close', payload: { voteId } })),
    );
    const closed = await chair.snapshot(m.meetingId);
    expect(closed.votes[voteId]?.result).toMatchObject({
      counts: { agree: 2, disagree: 3, abstain: 2 },
      cast: 7,
      eligible: 7,
      adopted: false,
      roll: [m.chair.id, ...m.delegates.map((p) => p.id)].sort(),
    });
    expect(closed.votes[voteId]?.result?.ballots).toBeUndefined();
    const audit = await api(restarted.url, `/api/meetings/${m.meetingId}/audit`, {
      token: m.secretary.token,
    });
    expect(audit.status).toBe(200);
    // a secret ballot leaves no audit entry (its time, beside the live counts, could tell)
    expect(JSON.stringify(audit.json)).not.toContain('vote.cast');
    expect(JSON.stringify(audit.json)).toContain('vote.close');
    received.push({ what: 'audit over HTTP', data: audit.json });
    for (const c of clients) c.close();
    await restarted.close();
    restarted = undefined;

    // every (voter, choice) this vote ever had, the proxy holder's too
    const links: [string, string][] = [
      [m.chair.id, 'abstain'],
      [p1.id, 'agree'],
      [p2.id, 'disagree'],
      [p3.id, 'disagree'],
      [p4.id, 'agree'],
      [p4.id, 'disagree'],
      [p5.id, 'agree'],
      [p5.id, 'abstain'],
      [p6.id, 'abstain'],
    ];
    const voters = new Set(links.map(([v]) => v));
    const linked = (record: unknown): string[] => {
      const s = strings(record);
      return links.filter(([v, c]) => s.has(v) && s.has(c)).map(([v, c]) => `${v}=${c}`);
    };
    const noToken = (text: string) => [...tokens.values()].filter((x) => text.includes(x));

    // the messages: all of them, several kinds, none with a link or a token
    const kinds = new Set(received.map((r) => r.what));
    for (const k of ['meeting:events', 'vote:tally', 'join ack', 'command ack', 'status'])
      expect(kinds).toContain(k);
    expect(received.filter((r) => r.what === 'vote:tally').length).toBeGreaterThan(3);
    for (const r of received) {
      expect(linked(r.data), r.what).toEqual([]);
      expect(noToken(JSON.stringify(r.data)), r.what).toEqual([]);
    }

    // the files: every one of them, line by line where they are lines
    const files = await filesUnder(t.dataDir);
    const boxes = files.filter((f) => f.endsWith('.box.json'));
    expect(boxes).toHaveLength(1);
    expect(files.some((f) => f.endsWith('journal.jsonl'))).toBe(true);
    expect(files.some((f) => f.endsWith('audit.jsonl'))).toBe(true);
    expect(files.some((f) => f.endsWith('meeting.json'))).toBe(true);
    for (const file of files) {
      const text = await readFile(file, 'utf8');
      expect(noToken(text), file).toEqual([]);
      if (file.endsWith('.box.json')) {
        // the roll and the ballots, apart: neither names what the other holds
        const box = JSON.parse(text) as {
          roll: string[];
          ballots: { key: string; choices: string[] }[];
        };
        expect(Object.keys(box).sort()).toEqual(['ballots', 'roll']);
        expect(box.roll).toEqual([...box.roll].sort());
        expect(box.roll).toHaveLength(7);
        expect(box.ballots.map((b) => b.key)).toEqual(box.ballots.map((b) => b.key).sort());
        expect(box.ballots.map((b) => b.choices[0]).sort()).toEqual([
          'abstain',
          'abstain',
          'agree',
          'agree',
          'disagree',
          'disagree',
          'disagree',
        ]);
        for (const b of box.ballots)
          expect([...strings(b)].filter((x) => voters.has(x))).toEqual([]);
        expect(linked({ roll: box.roll })).toEqual([]);
        continue;
      }
      const records = file.endsWith('.jsonl')
        ? text
            .split('\n')
            .filter(Boolean)
            .map((l) => JSON.parse(l) as unknown)
        : [JSON.parse(text) as unknown];
      for (const r of records) expect(linked(r), file).toEqual([]);
    }
  });
});
