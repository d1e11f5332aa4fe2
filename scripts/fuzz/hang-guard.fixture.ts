// Run only by hang-guard.test.ts, in a child Vitest with hang-guard.vitest.ts: a test that never
// returns, which the guard must stop. (Not named *.test.ts, so the normal suite skips it.)
import { it } from 'vitest'
import { guardEachTest } from './hang-guard'

guardEachTest(500)

it('loops forever', () => {
  for (;;) {
    // a synchronous hang, as a backtracking matcher would be
  }
})
