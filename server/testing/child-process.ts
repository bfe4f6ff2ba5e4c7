// Starts and kills server/testing/child-server.ts, for crash tests that need a real process.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const SCRIPT = fileURLToPath(new URL('./child-server.ts', import.meta.url));

export interface ChildServer {
  url: string;
  firstAdmin: { username: string; password: string } | null;
  process: ChildProcess;
  /** Resolves with the exit signal (or code) once the process is gone. */
  exited: Promise<string>;
  stderr(): string;
  kill(): Promise<string>;
}

export function startChildServer(dataDir: string): Promise<ChildServer> {
  const child = spawn(process.execPath, [SCRIPT, dataDir], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<string>((resolve) =>
    child.once('exit', (code, signal) => resolve(signal ?? String(code))),
  );
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => fail('did not start in 20 s'), 20_000);
    const fail = (why: string) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`child server ${why}\n${err}`));
    };
    void exited.then((how) => fail(`exited (${how}) before it listened`));
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const nl = out.indexOf('\n');
      if (nl === -1) return;
      clearTimeout(timer);
      const info = JSON.parse(out.slice(0, nl)) as Pick<ChildServer, 'url' | 'firstAdmin'>;
      resolve({
        ...info,
        process: child,
        exited,
        stderr: () => err,
        kill: () => {
          child.kill('SIGKILL');
          return exited;
        },
      });
    });
  });
}
