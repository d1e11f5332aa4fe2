/// <reference types="vitest/config" />
import { defineConfig } from 'vite'
import react from '@vitejs/plugin-react'
import { cspPlugin, securityHeaders } from './scripts/vite-csp.js'

export default defineConfig({
  plugins: [react(), cspPlugin()],
  worker: { format: 'es' },
  server: { port: 5173, strictPort: true },
  preview: {
    port: 4173,
    strictPort: true,
    // The built page carries its policy as a <meta> tag (scripts/vite-csp.ts); the preview server
    // also sends it as headers, as docs/security.md asks of any host: workers get their policy
    // from their own response, and frame-ancestors only works in a header.
    headers: securityHeaders(),
  },
  build: { chunkSizeWarningLimit: 4096 },
  test: { include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'], environment: 'node', testTimeout: 60_000 },
})
