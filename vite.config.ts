import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const repoRoot = fileURLToPath(new URL('.', import.meta.url));

/** The path aliases of tsconfig.base.json, for the bundle and for Vitest. */
export const aliases = {
  '@server': `${repoRoot}server`,
  '@common': `${repoRoot}common`,
  '@web': `${repoRoot}web/src`,
};
const backend = 'http://localhost:3000';

/** The web app lives in web/ and is served in production by the API server from dist/web. */
export default defineConfig({
  root: 'web',
  plugins: [react()],
  resolve: { alias: aliases },
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
  },
  server: {
    // The pages import shared rules from common/, outside the web root.
    fs: { allow: [repoRoot] },
    proxy: {
      '/api': backend,
      '/dev': backend,
      '/esia-emulator': backend,
    },
  },
});
