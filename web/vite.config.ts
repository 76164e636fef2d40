/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { precompressPlugin } from './scripts/precompress.mjs';

const backend = process.env.PORTAL_BACKEND ?? 'http://localhost:8080';
const proxied = ['/api', '/oauth2', '/login', '/logout'];

export default defineConfig({
  // precompressPlugin: .br and .gz copies of the built text files, which the gateway serves as they are
  plugins: [react(), precompressPlugin()],
  server: {
    port: 5173,
    proxy: Object.fromEntries(proxied.map((path) => [path, { target: backend, changeOrigin: false }])),
  },
  preview: {
    proxy: Object.fromEntries(proxied.map((path) => [path, { target: backend, changeOrigin: false }])),
  },
  build: {
    outDir: 'dist',
    sourcemap: false,
  },
  test: {
    // Plain logic in node; React components (*.test.tsx) in jsdom.
    projects: [
      { extends: true, test: { name: 'unit', environment: 'node', include: ['src/**/*.test.ts'] } },
      {
        extends: true,
        test: { name: 'components', environment: 'jsdom', include: ['src/**/*.test.tsx'], setupFiles: ['src/test/setup.ts'] },
      },
    ],
  },
});
