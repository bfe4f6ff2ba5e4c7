// The server's entry point (npm run serve / npm start): the same as `node server/main.ts`, with
// Node's compile cache turned on first. Plain JavaScript, so that nothing needs Node's TypeScript
// stripper before the cache is on: with the cache warm (every start after the first, and after
// each update of the code, the first start again), the stripped sources and their compiled code
// come from the cache and the stripper is never loaded. That stripper (a WebAssembly module) keeps
// about 25 MB of memory for the life of the process once it has stripped the server's ~90
// files, which a server with a thousand delegates connected should not carry.
// The cache is keyed by each file's contents and Node's version: a changed file is stripped anew.
// It lives in the system's temporary folder (NODE_COMPILE_CACHE=<folder> chooses another; a
// folder that cannot be written only means no cache).
import module from 'node:module';

module.enableCompileCache?.();
await import('./main.ts');
// the server's modules are all loaded now: write their cache at once, not only at exit
module.flushCompileCache?.();
