import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The portal is served by the gateway at "/" on its HTTP port, next to the RPC paths, so asset
// URLs are absolute: an invitation link such as /survey/<token> loads them from the root too.
// `npm run dev` proxies the RPC paths to a running gateway (EXCHANGE_GATEWAY, default 127.0.0.1:8080).
const gateway = process.env.EXCHANGE_GATEWAY ?? 'http://127.0.0.1:8080';

export default defineConfig({
  base: '/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    sourcemap: true,
    chunkSizeWarningLimit: 800,
  },
  server: {
    proxy: {
      '^/(exchange|grpc)\\.[a-z0-9_.]+\\.[A-Za-z]+/': { target: gateway, changeOrigin: false },
      '/healthz': { target: gateway },
    },
  },
});
