// Messages for one feature in both languages; vi.ts and en.ts take them in under `presenter`.
export const presenterVi = {
  start: 'Trình chiếu tài liệu này',
  stop: 'Dừng trình chiếu',
  where: '«{{name}}», trang {{page}}',
  youPresent: 'Bạn đang trình chiếu {{where}}. Người theo dõi xem cùng trang với bạn.',
  presenting: '{{name}} đang trình chiếu {{where}}.',
  following: 'Đang theo dõi {{name}}: {{where}}.',
  follow: 'Theo dõi người trình bày',
  back: 'Quay lại người trình bày',
  unfollow: 'Thôi theo dõi',
};

export const presenterEn: typeof presenterVi = {
  start: 'Present this document',
  stop: 'Stop presenting',
  where: '“{{name}}”, page {{page}}',
  youPresent: 'You are presenting {{where}}. Followers see the same page as you.',
  presenting: '{{name}} is presenting {{where}}.',
  following: 'Following {{name}}: {{where}}.',
  follow: 'Follow the presenter',
  back: 'Back to the presenter',
  unfollow: 'Stop following',
};
