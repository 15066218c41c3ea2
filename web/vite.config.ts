import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/**
 * The web application's build: web/ → web/dist, served by the node (src/http/web.ts). `npm run dev:web` serves
 * it with hot reload on :5173 and forwards the API to a node on :8080.
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    assetsDir: 'assets',
    target: 'es2022',
    sourcemap: false,
    // Nothing inline: the node's Content-Security-Policy allows only same-origin scripts, styles and images.
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 800,
    rollupOptions: {
      output: {
        // Three chunks, all loaded at start: the libraries (change with dependency updates only), the six catalogues
        // (change with the wording) and the application, so that a new release re-downloads only what changed.
        manualChunks: (id) => (id.includes('/node_modules/') ? 'vendor' : id.includes('/src/i18n/messages/') ? 'messages' : undefined),
      },
    },
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:8080' },
  },
});
