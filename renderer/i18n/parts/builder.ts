// Messages for one feature in both languages; vi.ts and en.ts take them in under `builder`.
export const builderVi = {};

export const builderEn: typeof builderVi = {};
