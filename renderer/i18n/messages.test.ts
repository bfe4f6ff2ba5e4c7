import { describe, expect, it } from 'vitest';
import { ERROR_CODES, MEETING_STATUSES, ROLES } from '../../core/index.ts';
import { en } from './en.ts';
import { vi } from './vi.ts';

/** Every key path, with plural suffixes (_one, _other) folded into one. */
function keys(obj: object, prefix = ''): string[] {
  return Object.entries(obj).flatMap(([k, v]) =>
    typeof v === 'object' && v !== null
      ? keys(v as object, `${prefix}${k}.`)
      : [`${prefix}${k.replace(/_(zero|one|two|few|many|other)$/, '')}`],
  );
}

describe('messages', () => {
  it('English has the same keys as Vietnamese', () => {
    expect([...new Set(keys(en))].sort()).toEqual([...new Set(keys(vi))].sort());
  });

  it('covers every error code, meeting status and role', () => {
    for (const code of ERROR_CODES) expect(vi.errors[code]).toBeTruthy();
    for (const status of MEETING_STATUSES) expect(vi.status[status]).toBeTruthy();
    for (const role of ROLES) expect(vi.role[role]).toBeTruthy();
  });
});
