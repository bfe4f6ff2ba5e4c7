// What the built bundles may import. The renderer (dist/renderer) runs in a sandboxed page: no
// Node built-ins, no Electron, no ipcRenderer, and no bare specifiers a browser cannot resolve.
// Main may import only Electron and Node built-ins (the rest is bundled in). The preload may
// require only 'electron', and must expose nothing but window.desktop.
import { builtinModules } from 'node:module';
import { runInNewContext } from 'node:vm';
import { parseSync, Visitor, type ESTree } from 'vite';
import { DESKTOP_CHANNEL_LIST } from '../core/desktop.ts';

/**
 * Every module specifier a piece of bundled code imports, exports from or require()s, found by
 * parsing it (not by searching text: comments and strings mention "from" too). Computed
 * specifiers (pdf.js loads its worker from a URL it computes) cannot be judged and are skipped.
 */
export function importsOf(code: string, filename = 'bundle.js'): string[] {
  const { program, errors } = parseSync(filename, code, { sourceType: 'module' });
  if (errors.length > 0) throw new Error(`${filename} does not parse: ${errors[0]?.message}`);
  const found = new Set<string>();
  const literal = (node: ESTree.Expression | null | undefined): string | null => {
    if (node?.type === 'Literal' && typeof node.value === 'string') return node.value;
    if (node?.type === 'TemplateLiteral' && node.expressions.length === 0)
      return node.quasis[0]?.value.cooked ?? null;
    return null;
  };
  const add = (value: string | null): void => void (value !== null && found.add(value));
  new Visitor({
    ImportDeclaration: (n) => add(n.source.value),
    ExportAllDeclaration: (n) => add(n.source.value),
    ExportNamedDeclaration: (n) => add(n.source?.value ?? null),
    ImportExpression: (n) => add(literal(n.source)),
    CallExpression: (n) => {
      if (n.callee.type === 'Identifier' && n.callee.name === 'require')
        add(literal(n.arguments[0] as ESTree.Expression | undefined));
    },
  }).visit(program);
  return [...found].sort();
}

const BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

export function isNodeBuiltin(specifier: string): boolean {
  return specifier.startsWith('node:') || BUILTINS.has(specifier);
}

const isRelativeOrUrl = (s: string): boolean => /^(\.{1,2}\/|\/|https?:|data:|blob:)/.test(s);

/** Problems in one file of the renderer bundle (empty when clean). */
export function rendererProblems(file: string, code: string): string[] {
  const problems = importsOf(code, file)
    .filter((s) => isNodeBuiltin(s) || s === 'electron' || !isRelativeOrUrl(s))
    .map((s) => `${file} imports "${s}"`);
  if (code.includes('ipcRenderer')) problems.push(`${file} mentions ipcRenderer`);
  return problems;
}

const UNSAFE_PREFS =
  /\b(nodeIntegration(?:InWorker|InSubFrames)?\s*:\s*(?:true|!0)|contextIsolation\s*:\s*(?:false|!1)|sandbox\s*:\s*(?:false|!1)|webSecurity\s*:\s*(?:false|!1)|allowRunningInsecureContent\s*:\s*(?:true|!0)|webviewTag\s*:\s*(?:true|!0))/g;

/** Problems in the main-process bundle (empty when clean). */
export function mainProblems(code: string): string[] {
  const problems = importsOf(code)
    .filter((s) => s !== 'electron' && !isNodeBuiltin(s))
    .map((s) => `main imports "${s}" (it should be bundled in)`);
  for (const m of code.matchAll(UNSAFE_PREFS)) problems.push(`main sets ${m[1]}`);
  return problems;
}

export interface PreloadReport {
  required: string[];
  exposedKeys: string[];
  /** Paths in window.desktop whose value is ipcRenderer or one of its functions. */
  leaks: string[];
  /** Paths in window.desktop that are neither functions nor plain data. */
  oddValues: string[];
  /** The IPC calls made by calling every exposed function once. */
  invoked: string[];
  /** Any ipcRenderer method other than invoke that was used. */
  otherIpc: string[];
}

/**
 * Runs the built preload in a bare VM with a stand-in for Electron's preload API, and reports
 * what it required and exposed: the check that ipcRenderer never reaches the page.
 */
export async function inspectPreload(code: string): Promise<PreloadReport> {
  const required: string[] = [];
  const exposed: Record<string, unknown> = {};
  const invoked: string[] = [];
  const otherIpc: string[] = [];
  const ipcRenderer: Record<string, (...args: unknown[]) => unknown> = {
    invoke: async (channel: unknown) => {
      invoked.push(String(channel));
      return { ok: true, value: null };
    },
  };
  for (const name of ['send', 'sendSync', 'on', 'once', 'postMessage', 'sendToHost', 'addListener'])
    ipcRenderer[name] = () => otherIpc.push(name);
  const electron = {
    contextBridge: {
      exposeInMainWorld: (key: string, value: unknown) => (exposed[key] = value),
    },
    ipcRenderer,
  };
  const require = (id: string): unknown => {
    required.push(id);
    if (id === 'electron') return electron;
    throw new Error(`a sandboxed preload cannot require "${id}"`);
  };
  const module = { exports: {} };
  runInNewContext(code, { require, module, exports: module.exports }, { filename: 'preload.cjs' });

  const ipcValues = new Set<unknown>([ipcRenderer, ...Object.values(ipcRenderer)]);
  const leaks: string[] = [];
  const oddValues: string[] = [];
  const calls: Promise<unknown>[] = [];
  const walk = (value: unknown, path: string, seen: Set<unknown>): void => {
    if (ipcValues.has(value)) leaks.push(path);
    if (typeof value === 'function') {
      calls.push(Promise.resolve((value as (...a: unknown[]) => unknown)('x', 'y', {})));
      return;
    }
    if (value === null || typeof value !== 'object') {
      if (!['number', 'string', 'boolean'].includes(typeof value)) oddValues.push(path);
      return;
    }
    if (seen.has(value)) return;
    seen.add(value);
    // a plain object (of the VM's realm): its prototype is an Object.prototype, whose is null
    const proto: unknown = Object.getPrototypeOf(value);
    if (proto !== null && Object.getPrototypeOf(proto) !== null) oddValues.push(path);
    for (const [k, v] of Object.entries(value)) walk(v, `${path}.${k}`, seen);
  };
  for (const [key, value] of Object.entries(exposed)) walk(value, `window.${key}`, new Set());
  await Promise.all(calls);
  return { required, exposedKeys: Object.keys(exposed), leaks, oddValues, invoked, otherIpc };
}

export const KNOWN_CHANNELS: ReadonlySet<string> = new Set(DESKTOP_CHANNEL_LIST);
