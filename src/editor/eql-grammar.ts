import type { LanguageConfiguration, MonarchLanguage } from './monarch-types'

/**
 * Monarch grammar and language configuration for EQL, after the engine's lexer
 * (src/engine/eql/lexer.ts). Colouring only: the worker's parser is the authority on what is
 * valid, so this grammar is forgiving and never needs to agree on errors.
 *
 * Pure data (no Monaco import) so a Node test can check the token rules.
 */

/** EQL keywords; lowercase only, as Elasticsearch's lexer has them. */
export const EQL_KEYWORDS = [
  'and', 'any', 'by', 'in', 'join', 'like', 'maxspan', 'not', 'of', 'or', 'regex',
  'sample', 'sequence', 'until', 'where', 'with', 'runs',
] as const

export const EQL_CONSTANTS = ['true', 'false', 'null'] as const

/** Builtin functions (the engine's registry keys are these names lowercased). */
export const EQL_FUNCTIONS = [
  'add', 'between', 'cidrMatch', 'concat', 'divide', 'endsWith', 'indexOf', 'length', 'modulo',
  'multiply', 'number', 'startsWith', 'string', 'stringContains', 'substring', 'subtract',
] as const

/** Pipe commands Elasticsearch accepts after a query. */
export const EQL_PIPES = ['head', 'tail'] as const

export const EQL_LANGUAGE_ID = 'eql'

export const eqlGrammar: MonarchLanguage = {
  defaultToken: '',
  keywords: [...EQL_KEYWORDS],
  constants: [...EQL_CONSTANTS],
  pipes: [...EQL_PIPES],
  tokenizer: {
    root: [
      { include: '@whitespace' },
      // raw strings first: `"""` would otherwise read as an empty string and a quote
      [/"""/, { token: 'string.raw', next: '@rawString' }],
      [/"/, { token: 'string.quote', next: '@string' }],
      // single-quoted and ?"..." strings are lexed by the engine and then rejected; colour them
      // as invalid so the mistake is visible before the diagnostic arrives
      [/\?"[^"]*"?|'[^']*'?/, 'string.invalid'],
      // case-insensitive operator keywords: like~ regex~ in~
      [/(like|regex|in)~/, 'keyword.operator'],
      // a function call, also its case-insensitive form `endsWith~(`
      // (`where (`, `not (` and `in (` are keywords, not calls)
      [/[A-Za-z_]\w*~?(?=\s*\()/, { cases: { '@keywords': 'keyword', '@default': 'predefined' } }],
      // `?field`: optional field
      [/\?[A-Za-z_@][\w.@]*/, 'variable.optional'],
      [/`/, { token: 'variable.quoted', next: '@quotedField' }],
      // a duration after maxspan=: 5m, 30s, 100ms
      [/\d+(ms|s|m|h|d)\b/, 'number.duration'],
      [/(\d+\.\d*|\.\d+)([eE][+-]?\d+)?|\d+[eE][+-]?\d+/, 'number.float'],
      [/\d+/, 'number'],
      [/[A-Za-z_@][\w@]*(\.[A-Za-z_@][\w@]*)*/, {
        cases: { '@keywords': 'keyword', '@constants': 'constant', '@pipes': 'keyword.pipe', '@default': 'identifier' },
      }],
      [/==|!=|<=|>=|<|>|:|=|\+|-|\*|\/|%/, 'operator'],
      [/\|/, 'delimiter.pipe'],
      [/[()[\]]/, '@brackets'],
      [/[,.]/, 'delimiter'],
    ],
    whitespace: [
      [/[ \t\r\n]+/, ''],
      [/\/\*/, 'comment', '@comment'],
      [/\/\/.*$/, 'comment'],
    ],
    // block comments nest in EQL
    comment: [
      [/[^/*]+/, 'comment'],
      [/\/\*/, 'comment', '@push'],
      [/\*\//, 'comment', '@pop'],
      [/[/*]/, 'comment'],
    ],
    string: [
      [/[^\\"]+/, 'string'],
      [/\\u\{[0-9A-Fa-f]+\}|\\[btnfr"'\\]/, 'string.escape'],
      [/\\./, 'string.escape.invalid'],
      [/"/, { token: 'string.quote', next: '@pop' }],
    ],
    // no escapes in raw strings; up to two extra quotes belong to the string
    rawString: [
      [/"""(?:"{0,2})/, { token: 'string.raw', next: '@pop' }],
      [/[^"]+/, 'string.raw'],
      [/"/, 'string.raw'],
    ],
    quotedField: [
      [/``/, 'variable.quoted'],
      [/[^`]+/, 'variable.quoted'],
      [/`/, { token: 'variable.quoted', next: '@pop' }],
    ],
  },
}

export const eqlConfiguration: LanguageConfiguration = {
  comments: { lineComment: '//', blockComment: ['/*', '*/'] },
  brackets: [
    ['(', ')'],
    ['[', ']'],
  ],
  autoClosingPairs: [
    { open: '(', close: ')' },
    { open: '[', close: ']' },
    { open: '"', close: '"', notIn: ['string', 'comment'] },
    { open: '`', close: '`', notIn: ['string', 'comment'] },
    { open: '/*', close: ' */', notIn: ['string'] },
  ],
  surroundingPairs: [
    { open: '(', close: ')' },
    { open: '[', close: ']' },
    { open: '"', close: '"' },
    { open: '`', close: '`' },
  ],
  // dotted field names are one word (double-click selects `process.name`, completion replaces it)
  wordPattern: /[A-Za-z_@?][\w@.]*~?|-?\d+(\.\d+)?/,
}
