/**
 * Which quick-reference entry a hover is about. The editor receives the hover as markdown from the
 * worker; this reads the markdown the docs module itself wrote (functionMarkdown, operatorMarkdown,
 * keywordMarkdown and the value hovers), so the editor can end the hover with a link to the entry
 * without a protocol change. A test feeds it every table's markdown, so a change of wording that
 * breaks the link fails there.
 */
import { functionDoc } from './eql-functions'
import { kqlTypeKey } from './kql-field-types'
import { operatorDoc } from './operators'
import { functionEntryId, keywordEntry, operatorEntryId, referenceEntry } from './reference'

const FUNCTION_HEAD = /^```eql\n([A-Za-z_]+)~?\(/
const BOLD_HEAD = /^\*\*`([^`]+)`\*\* —/
const UNDER_OP = /^Under `([^`]+)`:/
const ARGUMENT_OF = /^Argument of `([A-Za-z_]+)~?`/
const KQL_VALUE = /^Value for `[^`]*` \(`([a-z_]+)`\)/

function idForParagraph(language: 'eql' | 'kql', text: string): string | undefined {
  const fn = FUNCTION_HEAD.exec(text) ?? ARGUMENT_OF.exec(text)
  if (language === 'eql' && fn?.[1] !== undefined) {
    const doc = functionDoc(fn[1])
    return doc === undefined ? undefined : functionEntryId(doc)
  }
  const bold = BOLD_HEAD.exec(text) ?? (language === 'eql' ? UNDER_OP.exec(text) : null)
  if (bold?.[1] !== undefined) {
    const word = bold[1]
    if (operatorDoc(language, word) !== undefined) return operatorEntryId(language, word)
    return language === 'eql' ? keywordEntry(word)?.id : undefined
  }
  if (language === 'kql') {
    const type = KQL_VALUE.exec(text)?.[1]
    if (type !== undefined) {
      const key = kqlTypeKey(type)
      return key === undefined ? undefined : `kql-type-${key}`
    }
    if (/^`[^`]*:\*` — the field exists/.test(text)) return 'kql-syn-exists'
    if (text.startsWith('Free text')) return 'kql-syn-free-text'
    if (text.startsWith('Range bound')) return 'kql-syn-ranges'
  }
  return undefined
}

/**
 * The id of the reference entry a hover's markdown describes (a function, operator, keyword or a
 * KQL value's field type), or null when it has none (a field, a category).
 */
export function referenceIdForHover(language: 'eql' | 'kql', contents: readonly string[]): string | null {
  for (const paragraph of contents) {
    const id = idForParagraph(language, paragraph)
    if (id !== undefined && referenceEntry(id) !== undefined) return id
  }
  return null
}
