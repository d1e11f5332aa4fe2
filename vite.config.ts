/// <reference types="vitest/config" />
import { defineConfig } from 'vite'
import react from '@vitejs/plugin-react'

export default defineConfig({
  plugins: [react()],
  worker: { format: 'es' },
  server: { port: 5173, strictPort: true },
  preview: {
    port: 4173,
    strictPort: true,
    // The served build may only load its own files: a rule or its events never leave the machine.
    // 'unsafe-inline' styles are needed by Monaco (toolchain notes, CSP section).
    headers: {
      'Content-Security-Policy':
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; " +
        "worker-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'",
    },
  },
  build: { chunkSizeWarningLimit: 4096 },
  test: { include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'], environment: 'node', testTimeout: 60_000 },
})
