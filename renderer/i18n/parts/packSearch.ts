// Messages for one feature in both languages; vi.ts and en.ts take them in under `packSearch`.
// English has plural forms (_one) that Vietnamese does not: messages.test.ts checks both have
// the same keys, plural suffixes aside.
export const packSearchVi = {
  title: 'Tìm trong tài liệu',
  label: 'Tìm trong mọi tài liệu của cuộc họp',
  placeholder: 'Gõ từ cần tìm, có dấu hoặc không dấu',
  submit: 'Tìm',
  clear: 'Xóa',
  searching: 'Đang tìm…',
  summary: '{{hits}} trong {{docs}}',
  docs_other: '{{num}} tài liệu',
  capped: 'Chỉ hiển thị {{num}} kết quả đầu tiên; hãy gõ cụ thể hơn để thu hẹp.',
  none: 'Không tìm thấy “{{query}}” trong tài liệu nào.',
  pending_other: '{{count}} tài liệu đang được chuẩn bị để tìm kiếm; hãy tìm lại sau giây lát.',
  unsearchable_other: '{{count}} tài liệu không có chữ để tìm (có thể là bản quét): {{names}}.',
  hits_other: '{{num}} kết quả',
  page: 'Trang {{page}}',
  openAt: 'Mở {{name}} tại trang {{page}}',
  failed: 'Không tìm được',
};

export const packSearchEn = {
  title: 'Search the documents',
  label: 'Search every document of the meeting',
  placeholder: 'Type words to find, with or without accents',
  submit: 'Search',
  clear: 'Clear',
  searching: 'Searching…',
  summary: '{{hits}} in {{docs}}',
  docs_one: '{{num}} document',
  docs_other: '{{num}} documents',
  capped: 'Only the first {{num}} hits are shown; type something more specific to narrow them.',
  none: '“{{query}}” was not found in any document.',
  pending_one: '{{count}} document is still being prepared for search; search again shortly.',
  pending_other: '{{count}} documents are still being prepared for search; search again shortly.',
  unsearchable_one: '{{count}} document has no text to search (it may be a scan): {{names}}.',
  unsearchable_other: '{{count}} documents have no text to search (they may be scans): {{names}}.',
  hits_one: '{{num}} hit',
  hits_other: '{{num}} hits',
  page: 'Page {{page}}',
  openAt: 'Open {{name}} at page {{page}}',
  failed: 'The search failed',
} satisfies Record<string, string>;
