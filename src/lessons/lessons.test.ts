import { describe, expect, it } from 'vitest'
import { buildSchema, compileEql, compileKql, parseEventsText, runEql, runKql, type Diagnostic, type RunOutput } from '../engine/index'
import { checkExpectations, describeOutcome, type ExpectationsCheck } from '../state/expectations-check'
import { LESSONS, lessonById, lessonByTitle, lessonDocument, nextLesson, type Lesson } from './index'

/** Runs `query` over the lesson's events as the worker would (events read back from the NDJSON it opens with). */
function check(lesson: Lesson, query: string): ExpectationsCheck {
  const doc = lessonDocument(lesson)
  const { events, problems } = parseEventsText(doc.eventsText)
  expect(problems).toEqual([])
  const { schema } = buildSchema({ ecs: true, events })
  const run = (): { diagnostics: readonly Diagnostic[]; output: RunOutput | null } => {
    if (lesson.language === 'eql') {
      const c = compileEql(query, { schema })
      return { diagnostics: c.diagnostics, output: c.program === null ? null : runEql(c.program, events) }
    }
    const c = compileKql(query, { schema })
    return { diagnostics: c.diagnostics, output: c.program === null ? null : runKql(c.program, events) }
  }
  const { diagnostics, output } = run()
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([])
  if (output === null) throw new Error('no program')
  expect(output.diagnostics.filter((d) => d.severity === 'error')).toEqual([])
  return checkExpectations(doc.expectations ?? [], { result: output.result, eventCount: events.length }, 'idle')
}

describe('lessons', () => {
  it('has unique ids and titles, found by id, title and order', () => {
    expect(LESSONS.length).toBeGreaterThanOrEqual(4)
    expect(new Set(LESSONS.map((l) => l.id)).size).toBe(LESSONS.length)
    expect(new Set(LESSONS.map((l) => l.title)).size).toBe(LESSONS.length)
    for (const l of LESSONS) {
      expect(lessonById(l.id)).toBe(l)
      expect(lessonByTitle(l.title)).toBe(l)
    }
    expect(lessonByTitle('')).toBeUndefined()
    expect(nextLesson(LESSONS[0]?.id ?? '')).toBe(LESSONS[1])
    expect(nextLesson(LESSONS[LESSONS.length - 1]?.id ?? '')).toBeUndefined()
  })

  it('covers the four topics of the issue', () => {
    const text = LESSONS.map((l) => `${l.title} ${l.query}`).join('\n')
    expect(text).toContain('`==` misses a lower-case loginhook')
    expect(text).toContain('split at a space')
    expect(text).toContain('maxspan and the join key')
    expect(text).toContain('KQL `?` is not a wildcard')
  })

  it('keeps the fix out of the notes of the events the == lesson starts by missing', () => {
    const notes = lessonById('case-equals')?.expectations.map((e) => e.note ?? '') ?? []
    expect(notes.filter((n) => n.includes('`:`'))).toEqual([])
  })

  describe.each(LESSONS.map((l) => [l.id, l] as const))('%s', (_id, lesson) => {
    it('has a task of 2-6 sentences, a hint, and one expectation per event with a note', () => {
      const sentences = lesson.task.split(/[.!?](?:\s|$)/).filter((s) => s.trim() !== '')
      expect(sentences.length).toBeGreaterThanOrEqual(2)
      expect(sentences.length).toBeLessThanOrEqual(6)
      expect(lesson.hint.trim()).not.toBe('')
      expect(lesson.events.length).toBeGreaterThan(0)
      expect(lesson.expectations.map((e) => e.eventIndex)).toEqual(lesson.events.map((_, i) => i))
      for (const e of lesson.expectations) expect(e.note?.trim()).toBeTruthy()
      expect(lesson.solution).not.toBe(lesson.query)
    })

    it('does not pass with its starting query', () => {
      const c = check(lesson, lesson.query)
      expect(c.status).toBe('fail')
      expect(c.held).toBeLessThan(c.total)
    })

    it('passes with its solution', () => {
      const c = check(lesson, lesson.solution)
      // List the broken ones so a failure says which event and why.
      expect(c.items.filter((i) => i.outcome !== 'held').map((i) => `${describeOutcome(i)}: ${i.expectation.note ?? ''}`)).toEqual([])
      expect(c.status).toBe('pass')
    })
  })
})
