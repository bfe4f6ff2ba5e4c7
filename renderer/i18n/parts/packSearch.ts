// Messages for one feature in both languages; vi.ts and en.ts take them in under `packSearch`.
export const packSearchVi = {};

export const packSearchEn: typeof packSearchVi = {};
