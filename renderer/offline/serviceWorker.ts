// Registers the service worker (renderer/sw.ts) that lets the browser app start and open its
// meeting packs with no network. Not in the desktop app (its packs are on disk, its pages come
// from app://), not in development (Vite serves no /sw.js), and not where the browser allows no
// service worker (plain http on a LAN address is not a secure context: use --tls-cert there).
export function registerServiceWorker(isDesktop: boolean): void {
  if (isDesktop || !import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  if (!window.isSecureContext) return;
  navigator.serviceWorker
    .register(`./sw.js?v=${encodeURIComponent(__BUILD_ID__)}`)
    .catch((err: unknown) => console.warn('Offline use is not available:', err));
}
