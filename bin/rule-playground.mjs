#!/usr/bin/env node
// The `rule-playground` command: runs the TypeScript CLI (src/cli/main.ts) through tsx's ESM
// loader, so the package works without a build step. tsx must be installed (a dependency).
import { register } from 'tsx/esm/api'

register()
const { main } = await import('../src/cli/main.ts')
process.exitCode = await main(process.argv.slice(2))
