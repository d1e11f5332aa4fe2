import { vi } from 'vitest'
import { main } from './main'

/**
 * Test helper: runs the CLI's main() in this process with stdout and stderr captured, so command
 * tests read what a pipeline would see without spawning Node.
 */
export async function cliInProcess(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const out = { stdout: '', stderr: '' }
  const capture = (stream: 'stdout' | 'stderr') =>
    vi.spyOn(process[stream], 'write').mockImplementation((chunk: string | Uint8Array) => {
      out[stream] += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8')
      return true
    })
  const spies = [capture('stdout'), capture('stderr')]
  try {
    return { code: await main(args), ...out }
  } finally {
    for (const s of spies) s.mockRestore()
  }
}
