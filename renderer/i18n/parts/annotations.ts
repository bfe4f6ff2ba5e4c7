// Messages for one feature in both languages; vi.ts and en.ts take them in under `annotations`.
export const annotationsVi = {};

export const annotationsEn: typeof annotationsVi = {};
