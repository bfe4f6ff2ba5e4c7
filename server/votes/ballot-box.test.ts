// The ballot box on its own: counts kept as ballots come and change, one write per batch, and a
// failed write forgets exactly the ballots it held.
import { describe, expect, it } from 'vitest';
import type { BallotBatch } from '../store/types.ts';
import { BallotBox } from './ballot-box.ts';

const OPTIONS = ['agree', 'disagree', 'abstain'];
const audit = (actor: string) => ({
  at: 'now',
  actor,
  commandId: 'c',
  type: 'vote.cast',
  ok: true,
});

function box(kind: 'named' | 'secret', fail = () => false) {
  const writes: BallotBatch[] = [];
  const b = new BallotBox('v1', kind, OPTIONS, {
    write: async (batch) => {
      if (fail()) throw new Error('disk full');
      writes.push(JSON.parse(JSON.stringify(batch)) as BallotBatch);
    },
    onDurable: () => undefined,
  });
  return { b, writes };
}

describe('a ballot box', () => {
  it('keeps counts as ballots come and change, and writes a burst in one batch', async () => {
    const { b, writes } = box('secret');
    b.put('p1', 'k1', 'p1', ['agree'], true, audit('p1'));
    b.put('p2', 'k2', 'p2', ['agree'], true, audit('p2'));
    b.put('p3', 'k3', 'p3', ['abstain'], true, audit('p3'));
    b.put('p1', 'k1', 'p1', ['disagree'], true, audit('p1')); // changed, same key
    expect(b.counts).toEqual({ agree: 1, disagree: 1, abstain: 1 });
    await Promise.all([b.flushed(), b.flushed()]);
    expect(writes).toHaveLength(1);
    const w = writes[0]!;
    if (w.kind !== 'secret') throw new Error('expected a secret box');
    expect(w.box).toEqual({
      roll: ['p1', 'p2', 'p3'],
      ballots: [
        { key: 'k1', choices: ['disagree'] },
        { key: 'k2', choices: ['agree'] },
        { key: 'k3', choices: ['abstain'] },
      ],
    });
    expect(w.audit.map((a) => a.actor)).toEqual(['p1', 'p2', 'p3', 'p1']); // given here; the service gives none for secret votes
    // the same ballot again writes nothing new
    expect(b.put('p2', 'k2', 'p2', ['agree'], true, audit('p2'))).toEqual({
      ok: true,
      changed: false,
    });
    await b.flushed();
    expect(writes).toHaveLength(1);
  });

  it('refuses a change when changes are not allowed, and a second key for a secret voter', () => {
    const { b } = box('secret');
    b.put('p1', 'k1', 'p1', ['agree'], false, audit('p1'));
    expect(b.put('p1', 'k1', 'p1', ['disagree'], false, audit('p1'))).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    expect(b.put('p1', 'other', 'p1', ['agree'], true, audit('p1'))).toMatchObject({ ok: false });
    expect(b.counts).toEqual({ agree: 1, disagree: 0, abstain: 0 });
  });

  it('a failed write takes back its ballots and the ones after it, and fails their waiters', async () => {
    let broken = false;
    const { b, writes } = box('named', () => broken);
    b.put('p1', 'p1', 'p1', ['agree'], true, audit('p1'));
    await b.flushed();
    broken = true;
    b.put('p1', 'p1', 'p1', ['disagree'], true, audit('p1'));
    b.put('p2', 'p2', 'p9', ['abstain'], true, audit('p9'));
    await expect(b.flushed()).rejects.toThrow('disk full');
    expect(b.counts).toEqual({ agree: 1, disagree: 0, abstain: 0 });
    expect([...b.roll]).toEqual(['p1']);
    expect(b.tally().ballots).toEqual([{ voterId: 'p1', castBy: 'p1', choices: ['agree'] }]);
    broken = false;
    b.put('p2', 'p2', 'p9', ['abstain'], true, audit('p9'));
    await b.flushed();
    expect(writes.map((w) => (w.kind === 'named' ? w.ballots : []))).toEqual([
      [{ voterId: 'p1', castBy: 'p1', choices: ['agree'] }],
      [{ voterId: 'p2', castBy: 'p9', choices: ['abstain'] }],
    ]);
  });

  it('reads back what it stored: the last named ballot per voter counts', () => {
    const b = new BallotBox(
      'v1',
      'named',
      OPTIONS,
      { write: async () => undefined, onDurable: () => undefined },
      {
        voteId: 'v1',
        kind: 'named',
        ballots: [
          { voterId: 'a', castBy: 'a', choices: ['agree'] },
          { voterId: 'b', castBy: 'b', choices: ['agree'] },
          { voterId: 'a', castBy: 'a', choices: ['abstain'] },
        ],
      },
    );
    expect(b.counts).toEqual({ agree: 1, disagree: 0, abstain: 1 });
    expect(b.choicesOf('a')).toEqual(['abstain']);
  });
});
