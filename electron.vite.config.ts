import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import rendererConfig from './vite.renderer.config';

const root = path.dirname(fileURLToPath(import.meta.url));
const at = (...parts: string[]) => path.resolve(root, ...parts);

/**
 * A sandboxed preload may `require('electron')` and nothing else: no npm package, no second
 * file. Fails the build instead of leaving a preload that only breaks once Electron runs it.
 */
function preloadStandsAlone(): Plugin {
  return {
    name: 'solo-crm:preload-stands-alone',
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).filter((file) => file.type === 'chunk');
      if (chunks.length !== 1) {
        this.error(`the preload must be one file, got ${chunks.map((c) => c.fileName).join(', ')}`);
      }
      for (const chunk of chunks) {
        const required = [...chunk.code.matchAll(/\brequire\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map((m) => m[1]);
        const extra = [...new Set([...chunk.imports, ...required])].filter((id) => id !== 'electron');
        if (extra.length > 0) this.error(`the preload must only require electron, not ${extra.join(', ')}`);
      }
    },
  };
}

export default defineConfig({
  // out/main/index.js, ESM (package.json has "type": "module"). Dependencies stay external and
  // ship in node_modules; better-sqlite3 must, being a native addon.
  main: {
    build: {
      outDir: at('out/main'),
      rolldownOptions: {
        // The database worker, the job threads and the file check are started by file, beside index.js.
        input: {
          index: at('src-main/main.ts'),
          'db-worker': at('src-main/service/db-worker.ts'),
          'job-thread': at('src-main/service/job-thread.ts'),
          'check-thread': at('src-main/service/check-thread.ts'),
        },
      },
    },
  },
  // out/preload/index.cjs: sandboxed preloads cannot be ES modules. Everything is bundled in.
  preload: {
    plugins: [preloadStandsAlone()],
    build: {
      outDir: at('out/preload'),
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: at('src-main/preload.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  // The browser edition's config, plus the entry electron-vite asks for by name.
  renderer: {
    ...rendererConfig,
    build: {
      ...rendererConfig.build,
      outDir: at('out/renderer'),
      rolldownOptions: {
        ...rendererConfig.build?.rolldownOptions,
        input: at('src-renderer/index.html'),
      },
    },
  },
});
