/**
 * Structural copies of the two Monaco types the grammars are written against, so the grammar
 * modules stay free of Monaco imports (Monaco cannot load in Node, where the grammar tests run)
 * and the page's initial chunk can import them without pulling in the editor.
 * monaco-setup.ts passes them to Monaco, which type-checks the copies against the real types.
 */

export type MonarchAction = string | { token: string; next?: string } | { cases: Record<string, string> }

/** A tokenizer rule: [regex, action], [regex, action, next], or an include. */
export type MonarchRule = [RegExp, MonarchAction] | [RegExp, MonarchAction, string] | { include: string }

export interface MonarchLanguage {
  readonly defaultToken?: string
  readonly ignoreCase?: boolean
  readonly tokenizer: Record<string, MonarchRule[]>
  readonly [list: string]: unknown
}

export interface AutoClosingPair {
  readonly open: string
  readonly close: string
  readonly notIn?: string[]
}

export interface LanguageConfiguration {
  readonly comments?: { lineComment?: string; blockComment?: [string, string] }
  readonly brackets?: [string, string][]
  readonly autoClosingPairs?: AutoClosingPair[]
  readonly surroundingPairs?: { open: string; close: string }[]
  readonly wordPattern?: RegExp
}
