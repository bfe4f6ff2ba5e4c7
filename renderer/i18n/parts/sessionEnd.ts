// Messages for one feature in both languages; vi.ts and en.ts take them in under `sessionEnd`.
// Shown on the login screen when the server ended the session, by why (renderer/app/sessionEnd.ts).
export const sessionEndVi = {
  expired: 'Phiên đăng nhập đã hết hạn, vui lòng đăng nhập lại.',
  expiredKept:
    'Phiên đăng nhập đã hết hạn. Những thay đổi chưa gửi (ghi chú, chú thích) vẫn được giữ trên máy này và sẽ được gửi đi sau khi bạn đăng nhập lại.',
  revoked:
    'Phiên đăng nhập đã kết thúc vì mật khẩu tài khoản vừa được đổi ở nơi khác, vui lòng đăng nhập lại.',
  revokedKept:
    'Phiên đăng nhập đã kết thúc vì mật khẩu tài khoản vừa được đổi ở nơi khác. Những thay đổi chưa gửi vẫn được giữ trên máy này và sẽ được gửi đi sau khi bạn đăng nhập lại.',
  endedKept:
    'Phiên đăng nhập đã kết thúc. Những thay đổi chưa gửi vẫn được giữ trên máy này và sẽ được gửi đi sau khi bạn đăng nhập lại.',
  deactivated:
    'Tài khoản của bạn đã bị vô hiệu hoá. Dữ liệu của tài khoản này đã được xoá khỏi máy. Vui lòng liên hệ quản trị viên.',
};

export const sessionEndEn: typeof sessionEndVi = {
  expired: 'Your session has expired; please sign in again.',
  expiredKept:
    'Your session has expired. Your unsent changes (notes, annotations) are kept on this device and will be sent once you sign in again.',
  revoked:
    "Your session has ended because the account's password was changed elsewhere; please sign in again.",
  revokedKept:
    "Your session has ended because the account's password was changed elsewhere. Your unsent changes are kept on this device and will be sent once you sign in again.",
  endedKept:
    'Your session has ended. Your unsent changes are kept on this device and will be sent once you sign in again.',
  deactivated:
    "Your account has been disabled. This account's data has been removed from this device. Please contact an administrator.",
};
