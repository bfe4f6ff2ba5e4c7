import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from './csp.ts';

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp.split(';').map((d) => {
      const [name = '', ...values] = d.trim().split(/\s+/);
      return [name, values];
    }),
  );
}

describe('the Content-Security-Policy', () => {
  const csp = directives(contentSecurityPolicy('https://192.168.1.20:8443'));

  it('runs only the app’s own scripts (and WebAssembly for pdf.js), never eval or inline', () => {
    expect(csp.get('default-src')).toEqual(["'self'"]);
    expect(csp.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'none'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
  });

  it('connects only to the app and the configured server’s WebSocket', () => {
    expect(csp.get('connect-src')).toEqual(["'self'", 'wss://192.168.1.20:8443']);
    const plain = directives(contentSecurityPolicy('http://127.0.0.1:8080'));
    expect(plain.get('connect-src')).toEqual(["'self'", 'ws://127.0.0.1:8080']);
  });

  it('connects nowhere else before a server is chosen', () => {
    expect(directives(contentSecurityPolicy(null)).get('connect-src')).toEqual(["'self'"]);
  });
});
