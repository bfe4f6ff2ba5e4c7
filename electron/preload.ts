// The preload (sandboxed, bundled to CommonJS): exposes `window.desktop` and nothing else.
// Only ipcRenderer.invoke is captured, inside a closure; ipcRenderer itself never crosses over.
import { contextBridge, ipcRenderer } from 'electron';
import { buildDesktopApi } from './preload/api.ts';

contextBridge.exposeInMainWorld(
  'desktop',
  buildDesktopApi((channel, payload) => ipcRenderer.invoke(channel, payload)),
);
