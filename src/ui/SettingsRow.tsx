import { useState } from 'react'
import { usePlayground } from './use-playground'

/** Request settings that change results (size) and the run time limit enforced by the watchdog. */
export function SettingsRow() {
  const size = usePlayground((s) => s.settings.size ?? null)
  const budget = usePlayground((s) => s.runBudgetMs)
  const editSettings = usePlayground((s) => s.editSettings)
  const changeRunBudget = usePlayground((s) => s.changeRunBudget)
  // The field keeps what is typed (even '' while retyping); only a usable value reaches the store,
  // since an empty or zero limit would stop every run at once.
  const [budgetDraft, setBudgetDraft] = useState(String(budget))

  return (
    <section className="settings" aria-label="Settings">
      <label>
        Size
        <input
          type="number"
          min={1}
          placeholder="all"
          value={size ?? ''}
          onChange={(e) => editSettings({ size: e.target.value === '' ? null : Math.max(1, Number(e.target.value)) })}
        />
      </label>
      <label>
        Time limit (ms)
        <input
          type="number"
          min={1}
          value={budgetDraft}
          onChange={(e) => {
            setBudgetDraft(e.target.value)
            const ms = Number(e.target.value)
            if (e.target.value !== '' && Number.isFinite(ms) && ms >= 1) changeRunBudget(ms)
          }}
        />
      </label>
    </section>
  )
}
