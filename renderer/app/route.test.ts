import { describe, expect, it } from 'vitest';
import { documentHref, meetingHref, parseRoute, PASSWORD_HREF } from './route.ts';

describe('routes', () => {
  it('parses the meeting list, a meeting and the password screen', () => {
    expect(parseRoute('')).toEqual({ name: 'meetings' });
    expect(parseRoute('#/')).toEqual({ name: 'meetings' });
    expect(parseRoute('#/meetings/m-1')).toEqual({ name: 'meeting', meetingId: 'm-1' });
    expect(parseRoute(PASSWORD_HREF)).toEqual({ name: 'password' });
    expect(parseRoute('#/passwords')).toEqual({ name: 'meetings' });
  });

  it('parses the projector route with its meeting and token', () => {
    expect(parseRoute('#/projector/m1/tok_en-9')).toEqual({
      name: 'projector',
      meetingId: 'm1',
      token: 'tok_en-9',
    });
    expect(parseRoute('#/projector/m1')).toEqual({ name: 'meetings' });
    expect(parseRoute('#/projector/m1/t/x')).toEqual({ name: 'meetings' });
  });

  it('parses a document in the viewer, with or without a page', () => {
    expect(parseRoute('#/meetings/m1/documents/d1')).toEqual({
      name: 'document',
      meetingId: 'm1',
      documentId: 'd1',
      page: null,
    });
    expect(parseRoute(documentHref('m 1', 'd/1', 300))).toEqual({
      name: 'document',
      meetingId: 'm 1',
      documentId: 'd/1',
      page: 300,
    });
    expect(parseRoute('#/meetings/m1/documents/d1/0')).toMatchObject({ page: null });
    // a hit of the meeting's search opens the viewer at its page with the search started
    expect(parseRoute(documentHref('m1', 'd1', 3, 'ngan sach & chi'))).toEqual({
      name: 'document',
      meetingId: 'm1',
      documentId: 'd1',
      page: 3,
      query: 'ngan sach & chi',
    });
    expect(parseRoute('#/meetings/m1/documents/d1?q=%E0')).toEqual({
      name: 'document',
      meetingId: 'm1',
      documentId: 'd1',
      page: null,
    });
    expect(parseRoute('#/meetings/m1/documents/d1/x')).toEqual({
      name: 'meeting',
      meetingId: 'm1',
    });
  });

  it('round-trips a meeting id', () => {
    expect(parseRoute(meetingHref('a b'))).toEqual({ name: 'meeting', meetingId: 'a b' });
  });
});
