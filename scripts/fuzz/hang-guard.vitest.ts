// The config of the child Vitest in hang-guard.test.ts: runs the hanging fixture file only.
import { defineConfig } from 'vitest/config'

export default defineConfig({ test: { include: ['scripts/fuzz/hang-guard.fixture.ts'], environment: 'node' } })
