import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { CONTENT_SECURITY_POLICY } from './src-main/contract/csp.ts';

/** Puts the one CSP (src-main/contract/csp.ts) into index.html; meta tags cannot carry frame-ancestors. */
const cspMeta = (): Plugin => ({
  name: 'solo-crm-csp',
  // The dev server's React refresh needs an inline script; the built app never does.
  apply: 'build',
  transformIndexHtml: () => [
    {
      tag: 'meta',
      attrs: {
        'http-equiv': 'Content-Security-Policy',
        content: CONTENT_SECURITY_POLICY.replace(/;\s*frame-ancestors[^;]*/, ''),
      },
      injectTo: 'head-prepend',
    },
  ],
});

/** The renderer's build, shared by the desktop app (electron-vite) and the browser edition. */
export default defineConfig({
  root: resolve(import.meta.dirname, 'src-renderer'),
  // Relative asset paths: the desktop app loads the page from a file:// URL.
  base: './',
  plugins: [react(), cspMeta()],
  build: {
    outDir: resolve(import.meta.dirname, 'out/renderer'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
  },
});
