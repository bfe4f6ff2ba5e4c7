// Messages for one feature in both languages; vi.ts and en.ts take them in under `minutes`.
export const minutesVi = {};

export const minutesEn: typeof minutesVi = {};
