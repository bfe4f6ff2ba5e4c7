import { describe, expect, it } from 'vitest';
import { MARGIN } from './layout.ts';
import {
  CSS_UNITS,
  fitPageZoom,
  fitWidthZoom,
  MAX_CANVAS_PIXELS,
  MAX_ZOOM,
  MIN_ZOOM,
  outputScale,
  resolveZoom,
  stepZoom,
  zoomPercent,
} from './zoom.ts';

const a4 = { width: 595.28, height: 841.89 };

describe('zoom', () => {
  it('fits the width of the scroll area, margins included', () => {
    const box = { width: 1000, height: 700 };
    const zoom = fitWidthZoom(a4, box);
    expect(a4.width * CSS_UNITS * zoom).toBeCloseTo(1000 - 2 * MARGIN, 6);
  });

  it('fits the whole page: the smaller of width and height', () => {
    const wide = { width: 2000, height: 700 };
    const zoom = fitPageZoom(a4, wide);
    expect(a4.height * CSS_UNITS * zoom).toBeCloseTo(700 - MARGIN, 6);
    const narrow = { width: 400, height: 2000 };
    expect(fitPageZoom(a4, narrow)).toBeCloseTo(fitWidthZoom(a4, narrow), 6);
  });

  it('resolves a mode or a number, within limits', () => {
    const box = { width: 1000, height: 700 };
    expect(resolveZoom('fitWidth', a4, box)).toBe(fitWidthZoom(a4, box));
    expect(resolveZoom('fitPage', a4, box)).toBe(fitPageZoom(a4, box));
    expect(resolveZoom(1.5, a4, box)).toBe(1.5);
    expect(resolveZoom(99, a4, box)).toBe(MAX_ZOOM);
    expect(resolveZoom(0, a4, box)).toBe(MIN_ZOOM);
    expect(resolveZoom(Number.NaN, a4, box)).toBe(1);
    expect(resolveZoom('fitWidth', a4, { width: 0, height: 0 })).toBe(MIN_ZOOM);
  });

  it('steps up and down from any zoom to the next step', () => {
    expect(stepZoom(1, 1)).toBe(1.1);
    expect(stepZoom(1, -1)).toBe(0.9);
    expect(stepZoom(1.3, 1)).toBe(1.5);
    expect(stepZoom(1.3, -1)).toBe(1.25);
    expect(stepZoom(1.251, 1)).toBe(1.5); // a hair above a step is that step
    expect(stepZoom(MAX_ZOOM, 1)).toBe(MAX_ZOOM);
    expect(stepZoom(MIN_ZOOM, -1)).toBe(MIN_ZOOM);
    expect(zoomPercent(1.3333)).toBe(133);
  });

  it('draws at the device pixel ratio, but never a canvas over the cap', () => {
    expect(outputScale(800, 1000, 2)).toBe(2);
    expect(outputScale(800, 1000, 0)).toBe(1);
    const big = outputScale(4000, 6000, 2);
    expect(big).toBeLessThan(1);
    expect(4000 * 6000 * big * big).toBeCloseTo(MAX_CANVAS_PIXELS, -2);
  });
});
