// Messages for one feature in both languages; vi.ts and en.ts take them in under `annotations`.
export const annotationsVi = {
  export: {
    button: 'Tải về kèm ghi chú của tôi',
    title: 'Tải tệp PDF có các ghi chú của bạn trên tài liệu này, mở được bằng mọi trình đọc PDF',
    working: 'Đang tạo tệp PDF…',
    outdated: 'Không đưa vào {{count}} ghi chú trên phiên bản cũ của tài liệu.',
    footer: 'Bản của {{name}} — {{time}}',
    fileSuffix: 'kèm ghi chú',
    encrypted: 'Tài liệu này có mật khẩu nên không thể ghi chú vào bản tải về.',
    damaged: 'Tệp tài liệu bị hỏng, không thể ghi chú vào bản tải về.',
    failed: 'Không tạo được tệp PDF. Kiểm tra kết nối rồi thử lại.',
  },
  reanchor: {
    title: 'Không đặt lại được trên phiên bản mới',
    intro:
      'Tài liệu đã được thay bằng phiên bản mới và không còn đoạn văn mà {{count}} ghi chú dưới đây gắn vào. Ghi chú vẫn được giữ trên phiên bản cũ; bạn có thể chép lại nội dung rồi xoá.',
    page: 'Trang {{page}} (phiên bản cũ)',
    kind: { highlight: 'Tô sáng', ink: 'Nét vẽ', note: 'Ghi chú', text: 'Hộp chữ' },
    noText: '(không có chữ)',
    delete: 'Xoá',
    deleteTitle: 'Xoá hẳn ghi chú này',
    deleting: 'Đang xoá…',
    failed: 'Không xoá được. Kiểm tra kết nối rồi thử lại.',
  },
};

export const annotationsEn: typeof annotationsVi = {
  export: {
    button: 'Download with my annotations',
    title: 'Download a PDF with your annotations on this document, readable in any PDF reader',
    working: 'Making the PDF…',
    outdated: 'Left out, being on an earlier version of the document: {{count}} annotation(s).',
    footer: 'Copy of {{name}} — {{time}}',
    fileSuffix: 'with annotations',
    encrypted: 'This document has a password, so annotations cannot be written into a copy.',
    damaged: 'The document file is damaged, so annotations cannot be written into a copy.',
    failed: 'The PDF could not be made. Check the connection and try again.',
  },
  reanchor: {
    title: 'Could not be placed on the new version',
    intro:
      'The document was replaced by a new version that no longer has the text these {{count}} annotation(s) were attached to. They are kept on the old version; you can copy what you need, then delete them.',
    page: 'Page {{page}} (old version)',
    kind: { highlight: 'Highlight', ink: 'Drawing', note: 'Note', text: 'Text box' },
    noText: '(no text)',
    delete: 'Delete',
    deleteTitle: 'Delete this annotation for good',
    deleting: 'Deleting…',
    failed: 'It could not be deleted. Check the connection and try again.',
  },
};
