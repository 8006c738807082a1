import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { OutputBundle, OutputChunk } from 'rolldown';
import { defineConfig, type Plugin } from 'vitest/config';

/** The most JavaScript, gzipped, the first page may send (issue 17). */
const FIRST_PAGE_BUDGET_KB = 350;

/**
 * Reports the JavaScript the first page loads (the entry chunk and everything it imports
 * statically; lazy pages load later), gzipped, and fails the build over the budget.
 */
function firstPageBudget(): Plugin {
  return {
    name: 'first-page-budget',
    apply: 'build',
    generateBundle(_options, bundle: OutputBundle) {
      const chunks = Object.values(bundle).filter((file): file is OutputChunk => file.type === 'chunk'); // prettier-ignore
      const byName = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
      const seen = new Set<string>();
      const visit = (chunk: OutputChunk): void => {
        if (seen.has(chunk.fileName)) return;
        seen.add(chunk.fileName);
        for (const name of chunk.imports) {
          const imported = byName.get(name);
          if (imported) visit(imported);
        }
      };
      for (const entry of chunks.filter((chunk) => chunk.isEntry)) visit(entry);
      const gzipKb = (code: string): number => gzipSync(code).length / 1024;
      const firstPage = [...seen].reduce((kb, name) => kb + gzipKb(byName.get(name)!.code), 0);
      const all = chunks.reduce((kb, chunk) => kb + gzipKb(chunk.code), 0);
      const line =
        `RESULT first_page_js_gzip_kb=${firstPage.toFixed(1)} budget_kb=${FIRST_PAGE_BUDGET_KB}` +
        ` all_js_gzip_kb=${all.toFixed(1)} chunks=${chunks.length}`;
      process.stdout.write(`${line}\n`);
      if (firstPage > FIRST_PAGE_BUDGET_KB) {
        this.error(`The first page sends ${firstPage.toFixed(1)} kB of JavaScript gzipped, over the ${FIRST_PAGE_BUDGET_KB} kB budget`); // prettier-ignore
      }
    },
  };
}

export default defineConfig({
  root: import.meta.dirname,
  plugins: [firstPageBudget()],
  build: {
    // WEB_APP_DIR, where the server looks for the app, relative to the working directory.
    // Vite empties it first only when it lies inside frontend/ (never a folder WEB_APP_DIR
    // points elsewhere, which might hold anything).
    outDir: process.env.WEB_APP_DIR ? resolve(process.env.WEB_APP_DIR) : 'dist',
    rolldownOptions: {
      // React Query marks its modules "use client" (for server components); moot in a SPA.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
  // `npm run dev:web`: the app on Vite's dev server, the API from `npm start` or the demo.
  server: {
    proxy: Object.fromEntries(
      ['/api', '/health', '/metrics'].map((path) => [
        path,
        process.env.API_URL ?? 'http://127.0.0.1:3000',
      ]),
    ),
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['src/test-setup.ts'],
  },
});
