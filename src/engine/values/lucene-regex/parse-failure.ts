/**
 * The parser's internal failure signal. Parsing is recursive descent, so unwinding with an
 * exception is the simplest correct way out; `compileLuceneRegex` catches it and returns an
 * error value, so it never escapes the module.
 */
export class ParseFailure extends Error {
  constructor(
    message: string,
    /** 0-based UTF-16 offset into the pattern. */
    readonly offset: number,
    readonly kind: 'syntax' | 'too_complex' = 'syntax',
  ) {
    super(message)
  }
}
