import { useState } from 'react'
import { usePlayground } from '../use-playground'

/** The watchdog's time limit for one run, in the status bar. */
export function RunBudgetInput() {
  const budget = usePlayground((s) => s.runBudgetMs)
  const changeRunBudget = usePlayground((s) => s.changeRunBudget)
  // The field keeps what is typed (even '' while retyping); only a usable value reaches the store,
  // since an empty or zero limit would stop every run at once.
  const [draft, setDraft] = useState(String(budget))
  return (
    <label className="run-budget">
      Time limit (ms)
      <input
        type="number"
        min={1}
        value={draft}
        onChange={(e) => {
          setDraft(e.target.value)
          const ms = Number(e.target.value)
          if (e.target.value !== '' && Number.isFinite(ms) && ms >= 1) changeRunBudget(ms)
        }}
      />
    </label>
  )
}
