import { useEffect, useState } from 'react'
import { runSettingsOf } from '../../state/effects'
import { engineClient } from '../../worker/engine-client'
import { usePlayground } from '../use-playground'
import { fieldNamesOf } from './field-names'

/**
 * Field names to offer in the item editor: what the query editor's completion offers at the start
 * of a KQL query (fields seen in the loaded events first, then the schema's, ECS included), asked
 * once per events version from the worker, which holds the events. An unanswered request (the
 * worker busy or restarted) offers no names: the field input still takes any name.
 */
export function useFieldNames(): readonly string[] {
  const eventsVersion = usePlayground((s) => s.eventsInfo?.version ?? null)
  const settings = usePlayground((s) => s.settings)
  const kqlSettings = usePlayground((s) => s.kqlSettings)
  const [names, setNames] = useState<readonly string[]>([])
  useEffect(() => {
    let current = true
    void engineClient()
      .complete({ language: 'kql', text: '', offset: 0, settings: runSettingsOf({ settings, kqlSettings }) })
      .then((o) => {
        if (current && o.status === 'ok' && o.result) setNames(fieldNamesOf(o.result.entries))
      })
    return () => {
      current = false
    }
  }, [eventsVersion, settings, kqlSettings])
  return names
}
