// The dashboard: React + Vite, built from web/ into dist/web, which `opcon serve` serves.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'web',
  base: '/',
  plugins: [react()],
  // Always React's production build, even when built from a test run (where NODE_ENV is "test").
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  mode: 'production',
  build: { outDir: '../dist/web', emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 900 },
  logLevel: 'warn',
});
