import type { RuleDocument } from '../../engine'
import { DEFAULT_SCHEDULE } from '../../engine/alerts/types'
import type { QueryLanguage } from '../../state/document-slice'
import { draftOf } from './rule-draft'

/**
 * The rule's type and schedule. A value the rule does not set shows Kibana's default, marked as
 * such, since that is what the detection engine (and the alert simulation) will use.
 */
export function RuleSchedule({ rule, language }: { rule: RuleDocument; language: QueryLanguage }) {
  // The type an export (and the simulation) gives for the document's language.
  const type = draftOf(rule, language).type
  const rows: Array<readonly [string, string, string | undefined, string]> = [
    ['Rule type', 'type', type, ''],
    ['Runs every', 'interval', rule.interval, DEFAULT_SCHEDULE.interval],
    ['Looks back from', 'from', rule.from, DEFAULT_SCHEDULE.from],
    ['Max alerts per run', 'max-signals', rule.maxSignals === undefined ? undefined : String(rule.maxSignals), String(DEFAULT_SCHEDULE.maxSignals)],
    ['Timestamp override', 'timestamp-override', rule.timestampOverride, '@timestamp'],
  ]
  return (
    <dl className="rule-schedule" aria-label="Type and schedule">
      {rows.map(([label, id, value, fallback]) => (
        <div key={id}>
          <dt>{label}</dt>
          <dd data-testid={`rule-${id}`}>
            {value !== undefined && value !== '' ? (
              <code>{value}</code>
            ) : (
              <>
                <code>{fallback}</code> <span className="hint">(default)</span>
              </>
            )}
          </dd>
        </div>
      ))}
    </dl>
  )
}
