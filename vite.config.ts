import { fileURLToPath } from 'node:url';
import { constants as zlib } from 'node:zlib';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { compression, defineAlgorithm } from 'vite-plugin-compression2';

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
  plugins: [
    react(),
    // Written next to each asset; the server sends the one the browser accepts (preCompressed).
    compression({
      include: /\.(js|css|html|svg|json)$/,
      threshold: 1024,
      algorithms: [defineAlgorithm('gzip', { level: 9 }), defineAlgorithm('brotliCompress', { params: { [zlib.BROTLI_PARAM_QUALITY]: 11 } })],
      logLevel: 'silent',
    }),
  ],
  resolve: { alias: aliases },
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    // scripts/check-bundle-budget.mjs reads which files the pupil's cabinet loads from it.
    manifest: true,
    rolldownOptions: {
      output: {
        codeSplitting: {
          // What every page needs and what changes least gets a chunk of its own, so a release
          // of the app does not make phones download React again.
          groups: [{ name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/ }],
        },
      },
    },
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
