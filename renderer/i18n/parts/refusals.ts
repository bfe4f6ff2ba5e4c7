// Messages for one feature in both languages; vi.ts and en.ts take them in under `refusals`.
// A change the server refused (often one made offline and sent on reconnecting), named so that
// a delegate knows which one: "{what} was not saved: {reason}." (renderer/sync/refusalText.ts).
export const refusalsVi = {
  kind: {
    highlight: 'phần tô sáng',
    ink: 'nét vẽ',
    note: 'ghi chú',
    text: 'hộp văn bản',
  },
  /** Where an annotation is: added after its kind. */
  onPage: '{{thing}} trên trang {{page}} của «{{doc}}»',
  inDoc: '{{thing}} trong «{{doc}}»',
  annotation: {
    create: '{{Thing}} không được lưu: {{reason}}.',
    update: 'Phần sửa {{thing}} không được lưu: {{reason}}.',
    delete: 'Không xoá được {{thing}}: {{reason}}.',
    share: 'Không chia sẻ được {{thing}}: {{reason}}.',
    unshare: 'Không chuyển được {{thing}} về riêng tư: {{reason}}.',
  },
  noteSave: 'Ghi chú cá nhân cho nội dung «{{item}}» không được lưu: {{reason}}.',
  noteSaveNoItem: 'Ghi chú cá nhân của bạn không được lưu: {{reason}}.',
  speakerRegister: 'Đăng ký phát biểu của bạn không được ghi nhận: {{reason}}.',
  speakerWithdraw: 'Việc rút đăng ký phát biểu không được ghi nhận: {{reason}}.',
  voteCast: 'Phiếu biểu quyết của bạn không được ghi nhận: {{reason}}.',
  opened: 'Xác nhận đã đọc «{{doc}}» không được ghi nhận: {{reason}}.',
  minutes: 'Phần sửa biên bản không được lưu: {{reason}}.',
  reason: {
    closed: 'cuộc họp đã kết thúc',
    documentGone: 'tài liệu đã bị rút khỏi cuộc họp',
    annotationGone: 'chú thích này đã bị xoá (có thể trên thiết bị khác)',
    itemGone: 'nội dung này đã bị xoá khỏi chương trình họp',
    missing: 'nội dung liên quan không còn tồn tại',
    forbidden: 'bạn không còn quyền làm việc này',
    tooLarge: 'nội dung quá lớn',
    rateLimited: 'có quá nhiều thay đổi được gửi cùng lúc',
  },
};

export const refusalsEn: typeof refusalsVi = {
  kind: {
    highlight: 'highlight',
    ink: 'drawing',
    note: 'note',
    text: 'text box',
  },
  onPage: '{{thing}} on page {{page}} of “{{doc}}”',
  inDoc: '{{thing}} in “{{doc}}”',
  annotation: {
    create: 'Your {{thing}} was not saved: {{reason}}.',
    update: 'Your change to the {{thing}} was not saved: {{reason}}.',
    delete: 'Your {{thing}} could not be deleted: {{reason}}.',
    share: 'Your {{thing}} could not be shared: {{reason}}.',
    unshare: 'Your {{thing}} could not be made private again: {{reason}}.',
  },
  noteSave: 'Your personal note on the agenda item “{{item}}” was not saved: {{reason}}.',
  noteSaveNoItem: 'Your personal note was not saved: {{reason}}.',
  speakerRegister: 'Your request to speak was not recorded: {{reason}}.',
  speakerWithdraw: 'Withdrawing your request to speak did not go through: {{reason}}.',
  voteCast: 'Your vote was not recorded: {{reason}}.',
  opened: 'The record that you opened “{{doc}}” was not saved: {{reason}}.',
  minutes: 'Your changes to the minutes were not saved: {{reason}}.',
  reason: {
    closed: 'the meeting has ended',
    documentGone: 'the document was withdrawn from the meeting',
    annotationGone: 'it was deleted meanwhile (perhaps on another device)',
    itemGone: 'the agenda item was removed',
    missing: 'what it refers to no longer exists',
    forbidden: 'you are no longer allowed to do this',
    tooLarge: 'it is too large',
    rateLimited: 'too many changes were sent at once',
  },
};
