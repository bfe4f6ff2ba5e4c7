import { describe, expect, it } from 'vitest';
import { ballotToken, newBallotToken, rememberChoices, rememberedChoices } from './ballotBox.ts';

describe('ballot box', () => {
  it('makes url-safe tokens of 22 characters, different every time', () => {
    const tokens = new Set(Array.from({ length: 200 }, newBallotToken));
    expect(tokens.size).toBe(200);
    for (const t of tokens) expect(t).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });

  it('keeps one token per vote and principal', () => {
    const a = ballotToken('m1', 'v1', 'u1');
    expect(ballotToken('m1', 'v1', 'u1')).toBe(a);
    expect(ballotToken('m1', 'v1', 'u2')).not.toBe(a);
    expect(ballotToken('m1', 'v2', 'u1')).not.toBe(a);
  });

  it('remembers the choice without changing the token', () => {
    const token = ballotToken('m1', 'v3', 'u1');
    expect(rememberedChoices('m1', 'v3', 'u1')).toBeNull();
    rememberChoices('m1', 'v3', 'u1', ['agree']);
    expect(rememberedChoices('m1', 'v3', 'u1')).toEqual(['agree']);
    expect(ballotToken('m1', 'v3', 'u1')).toBe(token);
    rememberChoices('m1', 'v3', 'u1', ['abstain']);
    expect(rememberedChoices('m1', 'v3', 'u1')).toEqual(['abstain']);
  });
});
