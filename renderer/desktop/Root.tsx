// The top of the renderer: in the desktop app without a server yet (or when the person asked to
// change it), the server screen; otherwise the app, exactly as in the browser.
import { App } from '../app/App.tsx';
import { platform } from '../platform.ts';
import { ServerScreen } from './ServerScreen.tsx';
import { setChoosingServer, useChoosingServer } from './serverChoice.ts';

export function Root() {
  const choosing = useChoosingServer();
  const desktop = platform.desktop;
  if (desktop && (!desktop.serverOrigin || choosing)) {
    return (
      <ServerScreen
        api={desktop.api}
        current={desktop.serverOrigin}
        onCancel={desktop.serverOrigin ? () => setChoosingServer(false) : undefined}
      />
    );
  }
  return <App />;
}
