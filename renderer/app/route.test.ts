import { describe, expect, it } from 'vitest';
import { meetingHref, parseRoute } from './route.ts';

describe('routes', () => {
  it('parses the meeting list and a meeting', () => {
    expect(parseRoute('')).toEqual({ name: 'meetings' });
    expect(parseRoute('#/')).toEqual({ name: 'meetings' });
    expect(parseRoute('#/meetings/m-1')).toEqual({ name: 'meeting', meetingId: 'm-1' });
  });

  it('round-trips a meeting id', () => {
    expect(parseRoute(meetingHref('a b'))).toEqual({ name: 'meeting', meetingId: 'a b' });
  });
});
