/**
 * One build for the three parts: main (the Electron main process plus the Node entry points: start,
 * cli, bench), the sandboxed preload (CommonJS, as sandboxed preloads require) and the renderer.
 */
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { resolve } from 'node:path';

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          electron: resolve('main/electron/electron.ts'),
          start: resolve('main/start.ts'),
          cli: resolve('main/cli.ts'),
          bench: resolve('main/bench/bench.ts'),
          // Extraction runs in a worker with a time limit (main/article/extractInWorker.ts).
          extractWorker: resolve('main/article/extractWorker.ts'),
          // espeak-ng's library speaks in a process of its own (main/speech/espeakLibraryProcess.ts).
          espeakProcess: resolve('main/speech/espeakProcess.ts'),
          // jsdom for the extraction bench and the training tools, in workers replaced every 100 pages (main/article/training/jsdomWorkers.ts).
          jsdomWorker: resolve('main/article/training/jsdomWorker.ts'),
        },
        // The bench drives Chromium through Playwright, a development tool resolved from node_modules at run time.
        external: ['@playwright/test', 'playwright', 'playwright-core', 'jsdom'],
        // Shared chunks sit beside the entries, so paths relative to a module (assets/, renderer/) hold for all.
        output: { chunkFileNames: '[name]-[hash].js' },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: { preload: resolve('main/electron/preload.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'renderer',
    plugins: [react()],
    build: {
      minify: true,
      outDir: resolve('out/renderer'),
      rollupOptions: { input: resolve('renderer/index.html') },
    },
  },
});
