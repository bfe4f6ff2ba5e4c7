import { describe, expect, it } from 'vitest';
import {
  buildHref,
  documentHref,
  meetingHref,
  NEW_MEETING_HREF,
  formDocumentHref,
  formHref,
  formResultsHref,
  FORMS_HREF,
  NEW_FORM_HREF,
  parseRoute,
  PASSWORD_HREF,
} from './route.ts';

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

  it('parses the builder of a meeting and a new meeting', () => {
    expect(parseRoute(buildHref('m 1'))).toEqual({ name: 'build', meetingId: 'm 1' });
    expect(parseRoute(NEW_MEETING_HREF)).toEqual({ name: 'newMeeting' });
    expect(parseRoute('#/meetings/m1/builder')).toEqual({ name: 'meeting', meetingId: 'm1' });
  });
});

describe('opinion form routes', () => {
  it('parses the form list, a new form, a form and its results', () => {
    expect(parseRoute(FORMS_HREF)).toEqual({ name: 'forms' });
    expect(parseRoute(NEW_FORM_HREF)).toEqual({ name: 'formNew' });
    expect(parseRoute(formHref('f-1'))).toEqual({ name: 'form', formId: 'f-1' });
    expect(parseRoute(formResultsHref('f-1'))).toEqual({ name: 'formResults', formId: 'f-1' });
    expect(parseRoute('#/forms/f-1/other')).toEqual({ name: 'meetings' });
    const sha = 'ab'.repeat(32);
    expect(parseRoute(formDocumentHref('f-1', sha, 3))).toEqual({
      name: 'formDocument',
      formId: 'f-1',
      sha256: sha,
      page: 3,
    });
    expect(parseRoute(formDocumentHref('f-1', sha))).toMatchObject({ page: null });
  });
});
