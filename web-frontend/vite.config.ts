import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vitest/config';

// Where `npm run dev` (and `npm run preview`) forward API calls: the Quarkus backend in dev mode.
const backend = process.env.BACKEND_URL ?? 'http://127.0.0.1:8080';

export default defineConfig({
  plugins: [vue()],
  base: '/',
  build: {
    // Maven packages this folder into the jar; Quarkus serves META-INF/resources of
    // dependency jars, so the backend answers the SPA at "/".
    outDir: 'target/classes/META-INF/resources',
    emptyOutDir: true,
    sourcemap: false,
  },
  server: {
    host: '127.0.0.1',
    port: 5173,
    proxy: {
      '/api': { target: backend, changeOrigin: false },
      '/q': { target: backend, changeOrigin: false },
    },
  },
  test: {
    environment: 'happy-dom',
    include: ['src/**/*.test.ts'],
    restoreMocks: true,
    unstubGlobals: true,
  },
});
