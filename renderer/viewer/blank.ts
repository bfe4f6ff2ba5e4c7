// Telling a page that drew nothing (a blank page, or a damaged one whose content is lost) from
// one that drew something, so that the viewer can say so instead of showing white.

const PROBE = 48;

/** True when the canvas is white (or nearly) everywhere, judged on a small averaged copy. */
export function looksBlank(canvas: HTMLCanvasElement): boolean {
  if (canvas.width === 0 || canvas.height === 0) return true;
  const probe = document.createElement('canvas');
  probe.width = probe.height = PROBE;
  const ctx = probe.getContext('2d', { willReadFrequently: true });
  if (!ctx) return false;
  ctx.imageSmoothingEnabled = true;
  ctx.imageSmoothingQuality = 'high'; // averages: one line of small print still shows
  ctx.drawImage(canvas, 0, 0, PROBE, PROBE);
  const { data } = ctx.getImageData(0, 0, PROBE, PROBE);
  for (let i = 0; i < data.length; i += 4) {
    if (data[i]! < 250 || data[i + 1]! < 250 || data[i + 2]! < 250) return false;
  }
  return true;
}
