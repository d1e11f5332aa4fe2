/**
 * The lessons, in the order the lessons panel lists them: case first (the simplest), then
 * exclusions, sequences and KQL.
 */
import { CASE_EQUALS_LESSON, CASE_LIKE_LESSON } from './case-lessons'
import { JAMF_SPLIT_LESSON } from './exclusion-lesson'
import { KQL_QUESTION_MARK_LESSON } from './kql-lessons'
import type { Lesson } from './lesson'
import { MAXSPAN_JOIN_LESSON, UNTIL_LESSON } from './sequence-lessons'

export type { Lesson } from './lesson'
export { lessonDocument } from './lesson'

/** All lessons, in panel order. */
export const LESSONS: readonly Lesson[] = [
  CASE_EQUALS_LESSON,
  JAMF_SPLIT_LESSON,
  MAXSPAN_JOIN_LESSON,
  KQL_QUESTION_MARK_LESSON,
  CASE_LIKE_LESSON,
  UNTIL_LESSON,
]

/** The lesson with this id, or undefined. */
export function lessonById(id: string): Lesson | undefined {
  return LESSONS.find((l) => l.id === id)
}

/** The lesson a document opened from, found by its title (a lesson keeps its title when opened). */
export function lessonByTitle(title: string): Lesson | undefined {
  return title === '' ? undefined : LESSONS.find((l) => l.title === title)
}

/** The lesson after this one, or undefined after the last. */
export function nextLesson(id: string): Lesson | undefined {
  const i = LESSONS.findIndex((l) => l.id === id)
  return i < 0 ? undefined : LESSONS[i + 1]
}
