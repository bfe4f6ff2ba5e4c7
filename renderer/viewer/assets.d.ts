// Vite's asset imports, as the viewer uses them (the rest of the renderer needs none).
declare module '*?url' {
  const url: string;
  export default url;
}

declare module '*.css';
