// Zoom: fit width, fit page, fixed steps, and the scale pdf.js renders at. Pure.
import { MARGIN, type PageSize } from './layout.ts';

/** CSS pixels per PDF unit at 100 %: a PDF point is 1/72 inch, a CSS pixel 1/96 inch. */
export const CSS_UNITS = 96 / 72;

export const MIN_ZOOM = 0.1;
export const MAX_ZOOM = 5;
export const ZOOM_STEPS = [
  0.1, 0.25, 0.5, 0.67, 0.75, 0.8, 0.9, 1, 1.1, 1.25, 1.5, 1.75, 2, 2.5, 3, 4, 5,
] as const;

export type ZoomMode = 'fitWidth' | 'fitPage' | number;

export interface Box {
  width: number;
  height: number;
}

export const clampZoom = (zoom: number): number =>
  Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, Number.isFinite(zoom) ? zoom : 1));

/** The zoom at which `page` fills the width of `box` (the scroll area, without its scrollbar). */
export function fitWidthZoom(page: PageSize, box: Box): number {
  return clampZoom((box.width - 2 * MARGIN) / (page.width * CSS_UNITS));
}

/** The zoom at which the whole of `page` shows in `box`. */
export function fitPageZoom(page: PageSize, box: Box): number {
  const tall = (box.height - MARGIN) / (page.height * CSS_UNITS);
  return clampZoom(Math.min(fitWidthZoom(page, box), tall));
}

export function resolveZoom(mode: ZoomMode, page: PageSize, box: Box): number {
  if (mode === 'fitWidth') return fitWidthZoom(page, box);
  if (mode === 'fitPage') return fitPageZoom(page, box);
  return clampZoom(mode);
}

/** The next step up (dir 1) or down (dir -1) from `zoom`, which need not be a step itself. */
export function stepZoom(zoom: number, dir: 1 | -1): number {
  const eps = 0.005;
  if (dir > 0) return ZOOM_STEPS.find((s) => s > zoom + eps) ?? MAX_ZOOM;
  return [...ZOOM_STEPS].reverse().find((s) => s < zoom - eps) ?? MIN_ZOOM;
}

/** Rounded percentage for display: 1.3333 → 133. */
export const zoomPercent = (zoom: number): number => Math.round(zoom * 100);

/** Canvas pixels are capped (2^24 ≈ 16.7 M, 64 MB): beyond that the page is drawn softer. */
export const MAX_CANVAS_PIXELS = 2 ** 24;

/** The device-pixel factor for a canvas of `width`×`height` CSS pixels, within the cap. */
export function outputScale(width: number, height: number, pixelRatio: number): number {
  const wanted = Math.max(1, pixelRatio || 1);
  const cap = Math.sqrt(MAX_CANVAS_PIXELS / Math.max(1, width * height));
  return Math.min(wanted, cap);
}
