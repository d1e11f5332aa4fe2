/**
 * The lessons model: a short guided task on a rule. A lesson is a document like any other (query,
 * events, title, task, expected outcomes), plus what only the lessons panel shows: a hint and a
 * solution. Pure data with no engine or React dependency, so the panel can load it on demand.
 */
import type { LabelledEvent } from '../examples'
import type { Expectation, DocumentWithEvents } from '../state/document-slice'

/** One lesson. */
export interface Lesson {
  /** stable kebab-case id */
  readonly id: string
  readonly title: string
  /** what to observe and what to change, 2-6 sentences */
  readonly task: string
  /** one nudge, shown only when the learner asks */
  readonly hint: string
  readonly language: 'eql' | 'kql'
  /** the query the lesson opens with; its check does not pass */
  readonly query: string
  /** a query whose check passes, shown only when the learner asks */
  readonly solution: string
  readonly events: readonly Readonly<Record<string, unknown>>[]
  /** one per event the check looks at, with the reason as its note */
  readonly expectations: readonly Expectation[]
}

/**
 * The expected outcomes of labelled example events, the labels' reasons as notes. `overrides`
 * restates an event's outcome where the lesson asks for more than the example's rule gives
 * (keyed by the event's position).
 */
export function expectationsOf(
  events: readonly LabelledEvent[],
  overrides: Readonly<Record<number, Omit<Expectation, 'eventIndex'>>> = {},
): Expectation[] {
  return events.map((e, eventIndex) => overrides[eventIndex] !== undefined
    ? { eventIndex, ...overrides[eventIndex] }
    : { eventIndex, expect: e.expect, note: e.reason })
}

/** The events of labelled example events, in order. */
export function eventsOf(events: readonly LabelledEvent[]): Readonly<Record<string, unknown>>[] {
  return events.map((e) => e.event)
}

/** The index of the first labelled event whose reason contains `text`, so overrides name events by what they are. */
export function indexOfReason(events: readonly LabelledEvent[], text: string): number {
  return events.findIndex((e) => e.reason.includes(text))
}

/** What opening a lesson puts in the playground: its starting query, events as NDJSON, task and checks. */
export function lessonDocument(lesson: Lesson): DocumentWithEvents {
  return {
    title: lesson.title,
    task: lesson.task,
    query: lesson.query,
    language: lesson.language,
    eventsText: lesson.events.map((e) => JSON.stringify(e)).join('\n'),
    expectations: lesson.expectations,
  }
}
