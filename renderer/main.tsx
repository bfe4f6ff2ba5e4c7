// Entry point: translations and the platform (browser or desktop app) first, then the app.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { z } from 'zod';
import { Root } from './desktop/Root.tsx';
import { initI18n } from './i18n/index.ts';
import { registerServiceWorker } from './offline/serviceWorker.ts';
import { platform } from './platform.ts';
import { initPlatform } from './platformDesktop.ts';

// the page's CSP has no 'unsafe-eval': zod must not even probe for it (each probe is a CSP report)
z.config({ jitless: true });

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');

void Promise.all([initI18n(), initPlatform()]).then(() => {
  registerServiceWorker(platform.desktop !== null);
  createRoot(root).render(
    <StrictMode>
      <Root />
    </StrictMode>,
  );
});
