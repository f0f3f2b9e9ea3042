import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const lib = (name: string) => fileURLToPath(new URL(`../../libs/${name}/src/index.ts`, import.meta.url));

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react()],
  resolve: { alias: { '@taizhang/domain': lib('domain'), '@taizhang/contracts': lib('contracts') } },
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 1000 },
  // `nx serve web` during development: the API runs on :3000.
  server: { port: 4200, proxy: { '/api': 'http://localhost:3000' } },
});
