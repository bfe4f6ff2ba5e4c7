import { describe, expect, it } from 'vitest';
import { failureOfStatus, loadFailure } from './failure.ts';

const named = (name: string, extra: object = {}) => Object.assign(new Error('x'), { name }, extra);

describe('load failures', () => {
  it('names a damaged file, a missing one, a refused one and a lost network', () => {
    expect(loadFailure(named('InvalidPDFException'))).toBe('invalid');
    expect(loadFailure(named('UnknownErrorException'))).toBe('invalid');
    expect(loadFailure(named('ResponseException', { status: 404, missing: true }))).toBe('missing');
    expect(loadFailure(named('ResponseException', { status: 403 }))).toBe('forbidden');
    expect(loadFailure(named('ResponseException', { status: 0 }))).toBe('network');
    expect(loadFailure(named('ResponseException', { status: 500 }))).toBe('unknown');
    expect(loadFailure(new TypeError('Failed to fetch'))).toBe('network');
    expect(loadFailure('something else')).toBe('unknown');
    expect(loadFailure(null)).toBe('unknown');
  });

  it('maps the status of our own requests', () => {
    expect(failureOfStatus(401)).toBe('forbidden');
    expect(failureOfStatus(403)).toBe('forbidden');
    expect(failureOfStatus(404)).toBe('missing');
    expect(failureOfStatus(503)).toBe('unknown');
  });
});
