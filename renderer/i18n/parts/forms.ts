// Messages for one feature in both languages; vi.ts and en.ts take them in under `forms`.
export const formsVi = {};

export const formsEn: typeof formsVi = {};
