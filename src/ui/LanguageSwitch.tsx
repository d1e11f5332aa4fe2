import type { QueryLanguage } from '../state/store'
import { usePlayground } from './use-playground'

const LANGUAGES: readonly { readonly id: QueryLanguage; readonly label: string; readonly title: string }[] = [
  { id: 'eql', label: 'EQL', title: 'Event Query Language: event, sequence and sample queries' },
  { id: 'kql', label: 'KQL', title: 'Kibana Query Language: custom query rules' },
]

/**
 * EQL / KQL: a two-option radio group. Switching re-runs the rule with that language's engine;
 * pasting a rule whose language is clear switches it too (state/detect-language.ts).
 */
export function LanguageSwitch() {
  const language = usePlayground((s) => s.language)
  const setLanguage = usePlayground((s) => s.setLanguage)
  return (
    <div className="language-switch" role="radiogroup" aria-label="Rule language" data-language={language}>
      {LANGUAGES.map((l) => (
        <label key={l.id} className={language === l.id ? 'selected' : undefined} title={l.title}>
          <input type="radio" name="rule-language" value={l.id} checked={language === l.id} onChange={() => setLanguage(l.id)} />
          {l.label}
        </label>
      ))}
    </div>
  )
}
