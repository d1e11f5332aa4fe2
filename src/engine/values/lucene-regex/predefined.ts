/**
 * Lucene 9's predefined classes `\d \D \s \S \w \W` (off by default, see
 * `LuceneRegexOptions.predefinedClasses`). Lucene defines them over ASCII only.
 */
import { negate, normalize } from './char-set'
import type { CodePointRanges } from './types'

const DIGIT: CodePointRanges = [[0x30, 0x39]]
const SPACE: CodePointRanges = normalize([[0x20, 0x20], [0x09, 0x0a], [0x0d, 0x0d]])
const WORD: CodePointRanges = normalize([[0x30, 0x39], [0x41, 0x5a], [0x5f, 0x5f], [0x61, 0x7a]])

/** The class named by the letter after `\`, or `undefined` when it names none. */
export function predefinedClass(letter: string): CodePointRanges | undefined {
  switch (letter) {
    case 'd':
      return DIGIT
    case 'D':
      return negate(DIGIT)
    case 's':
      return SPACE
    case 'S':
      return negate(SPACE)
    case 'w':
      return WORD
    case 'W':
      return negate(WORD)
    default:
      return undefined
  }
}
