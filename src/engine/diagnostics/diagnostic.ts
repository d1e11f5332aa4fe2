import type { Span } from '../source/span'

/**
 * A problem found in user input. The engine never throws on user input: every entry point returns
 * its result together with Diagnostic[]. `code` is stable (tests and users key on it); `message` is
 * rendered from the code's template in the language's registry.
 */
export type Severity = 'error' | 'warning' | 'info'

export interface Diagnostic {
  readonly code: string
  readonly severity: Severity
  readonly message: string
  readonly span: Span
}

/** One entry of a language's code registry. `template` uses `{name}` placeholders. */
export interface CodeDef {
  readonly code: string
  readonly severity: Severity
  readonly template: string
}

export type Params = Readonly<Record<string, string | number>>

export function formatTemplate(template: string, params: Params = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => {
    const v = params[key]
    return v === undefined ? whole : String(v)
  })
}

export function makeDiagnostic(def: CodeDef, span: Span, params?: Params): Diagnostic {
  return { code: def.code, severity: def.severity, message: formatTemplate(def.template, params), span }
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error')
}
