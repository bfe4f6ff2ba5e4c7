// What differs between the browser and the Electron shell, behind one small object.
// The browser keeps the session token in localStorage; Electron will keep it in safeStorage.

export interface Platform {
  /** Origin of the eCabinet server ('' = the page's own origin). */
  serverOrigin: string;
  getToken(): string | null;
  setToken(token: string): void;
  clearToken(): void;
}

const TOKEN_KEY = 'ecab.token';

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null; // storage disabled (privacy mode): the session lasts as long as the tab
  }
}

export function browserPlatform(): Platform {
  let memory: string | null = null;
  return {
    serverOrigin: '',
    getToken: () => storage()?.getItem(TOKEN_KEY) ?? memory,
    setToken: (token) => {
      memory = token;
      storage()?.setItem(TOKEN_KEY, token);
    },
    clearToken: () => {
      memory = null;
      storage()?.removeItem(TOKEN_KEY);
    },
  };
}

/** The platform this renderer runs on; Electron's preload will provide its own later. */
export const platform: Platform = browserPlatform();
