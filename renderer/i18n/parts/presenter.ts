// Messages for one feature in both languages; vi.ts and en.ts take them in under `presenter`.
export const presenterVi = {};

export const presenterEn: typeof presenterVi = {};
