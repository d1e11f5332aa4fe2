import type { InitialState } from '../state/store'
import { EXAMPLE_EVENTS, EXAMPLE_QUERY } from '../ui/example'

/** What a first visit opens (issue 5): placeholder until the examples helper lands it. */
export function firstVisitState(): InitialState {
  return { query: EXAMPLE_QUERY, eventsText: EXAMPLE_EVENTS }
}
