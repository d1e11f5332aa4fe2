import type { LanguageConfiguration, MonarchLanguage } from './monarch-types'

/**
 * Monarch grammar and language configuration for KQL (Kibana Query Language), after Kibana's
 * grammar and the engine's parser (src/engine/kql/): `field: value`, `field < value`, quoted
 * and unquoted values with `\` escapes, `*` wildcards, `and`/`or`/`not` in any case, `( )`
 * groups and `{ }` nested-field groups. KQL has no comments.
 *
 * Pure data (no Monaco import) so a Node test can check the token rules.
 */

export const KQL_KEYWORDS = ['and', 'or', 'not'] as const

export const KQL_LANGUAGE_ID = 'kql'

/** Characters an unquoted KQL literal cannot contain unescaped (Kibana's grammar). */
const UNQUOTED = String.raw`(?:[^\s\\():<>"*{}]|\\[\\():<>"*{}\w])`

export const kqlGrammar: MonarchLanguage = {
  defaultToken: '',
  ignoreCase: true,
  keywords: [...KQL_KEYWORDS],
  constants: ['true', 'false'],
  tokenizer: {
    root: [
      [/\s+/, ''],
      [/"/, { token: 'string.quote', next: '@string' }],
      // a field: an unquoted literal (wildcards allowed) before `:` or a range operator
      [new RegExp(`(?:${UNQUOTED}|\\*)+(?=\\s*(?::|<=|>=|<|>))`), 'variable'],
      [/<=|>=|<|>|:/, 'operator'],
      [/\*/, 'operator.wildcard'],
      [/-?\d+(\.\d+)?(?=[\s)}]|$)/, 'number'],
      [new RegExp(`${UNQUOTED}+`), {
        cases: { '@keywords': 'keyword', '@constants': 'constant', '@default': 'string.unquoted' },
      }],
      [/[(){}]/, '@brackets'],
    ],
    string: [
      [/[^\\"]+/, 'string'],
      [/\\./, 'string.escape'],
      [/"/, { token: 'string.quote', next: '@pop' }],
    ],
  },
}

export const kqlConfiguration: LanguageConfiguration = {
  brackets: [
    ['(', ')'],
    ['{', '}'],
  ],
  autoClosingPairs: [
    { open: '(', close: ')' },
    { open: '{', close: '}' },
    { open: '"', close: '"', notIn: ['string'] },
  ],
  surroundingPairs: [
    { open: '(', close: ')' },
    { open: '{', close: '}' },
    { open: '"', close: '"' },
  ],
  wordPattern: /[A-Za-z_@][\w@.]*/,
}
