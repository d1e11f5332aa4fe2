import type { Diagnostic } from '../diagnostics/diagnostic'
import { makeDiagnostic, type Params } from '../diagnostics/diagnostic'
import type { Schema } from '../schema/types'
import type { Span } from '../source/span'
import type { Expr } from './ast'
import type { DataType, FieldBinding } from './check-types'
import { sourceOf } from './check-source'
import { CHECK_CODES, type CheckCodeName } from './codes-check'
import type { CompileContext } from './compile-context'

/** What the checker knows about a checked expression. */
export interface Info {
  readonly type: DataType
  /** reads no field: Elasticsearch folds it at plan time */
  readonly constant: boolean
  /** an error was reported inside it: callers stay quiet about it to avoid cascades */
  readonly bad: boolean
  /** set for a bare field reference */
  readonly field: FieldBinding | null
}

/** The Info of an expression that already produced an error. */
export const BAD: Info = { type: 'null', constant: false, bad: true, field: null }

/** Shared state of one checkEql run. */
export class CheckEnv {
  readonly diagnostics: Diagnostic[] = []
  /** the unmapped event category field is reported once per statement */
  categoryReported = false
  /** checking a join key (read from the source, not searched): unsearchable fields are fine */
  inKey = false

  constructor(
    readonly schema: Schema,
    readonly ctx: CompileContext,
    private readonly text: string | undefined,
  ) {}

  report(code: CheckCodeName, span: Span, params?: Params): void {
    this.diagnostics.push(makeDiagnostic(CHECK_CODES[code], span, params))
  }

  src(e: Expr): string {
    return sourceOf(e, this.text)
  }
}

/** The last path segment, as Elasticsearch names a field in the text-field message. */
export function leafName(path: string): string {
  const dot = path.lastIndexOf('.')
  return dot < 0 ? path : path.slice(dot + 1)
}
