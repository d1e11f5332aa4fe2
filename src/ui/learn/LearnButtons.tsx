import { otherFromBaseline } from '../compare/other-version'
import { usePlayground } from '../use-playground'

/**
 * Header buttons for learning: the quick reference (every operator, function and syntax form)
 * and the lessons, the comparison of two rule versions, and the rule's metadata. All dock beside
 * the panes, so the learner keeps editing while reading.
 */
export function LearnButtons() {
  const openPanel = usePlayground((s) => s.openPanel)
  const toggle = usePlayground((s) => s.togglePanel)
  const openCompare = usePlayground((s) => s.openCompare)
  const baseline = usePlayground((s) => s.baseline)
  const chosen = usePlayground((s) => s.compareOther !== null)
  // With a pin and nothing chosen yet, the pin is what the user most likely compares against.
  const compare = (): void => (openPanel !== 'compare' && !chosen && baseline !== null ? openCompare(otherFromBaseline(baseline)) : toggle('compare'))
  return (
    <div className="learn-buttons">
      <button type="button" aria-pressed={openPanel === 'reference'} onClick={() => toggle('reference')}>
        Reference
      </button>
      <button type="button" aria-pressed={openPanel === 'lessons'} onClick={() => toggle('lessons')}>
        Lessons
      </button>
      <button type="button" aria-pressed={openPanel === 'compare'} title="Compare the current query with another version of the rule over the same events" onClick={compare}>
        Compare…
      </button>
      <button type="button" aria-pressed={openPanel === 'rule'} title="The rule's metadata: name, severity, MITRE ATT&CK, investigation guide, type and schedule" onClick={() => toggle('rule')}>
        Rule
      </button>
    </div>
  )
}
