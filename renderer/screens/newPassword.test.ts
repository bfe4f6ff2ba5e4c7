import { describe, expect, it } from 'vitest';
import { checkNewPassword } from './newPassword.ts';

describe('checkNewPassword', () => {
  it('wants at least 8 characters, a change, and the same text twice', () => {
    expect(checkNewPassword('abcd-efgh', 'ngan', 'ngan')).toEqual({ kind: 'tooShort' });
    expect(checkNewPassword('abcd-efgh', 'abcd-efgh', 'abcd-efgh')).toEqual({ kind: 'same' });
    expect(checkNewPassword('abcd-efgh', 'mật khẩu mới', 'mật khẩu cũ')).toEqual({
      kind: 'mismatch',
    });
    expect(checkNewPassword('abcd-efgh', 'mật khẩu mới', 'mật khẩu mới')).toBeNull();
  });
});
