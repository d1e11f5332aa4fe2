import type * as Monaco from 'monaco-editor/editor'
import { EQL_LANGUAGE_ID } from './eql-grammar'
import { KQL_LANGUAGE_ID } from './kql-grammar'
import { spanToRange } from './markers'
import { OPEN_REFERENCE_COMMAND, openReferenceLink } from './reference-link'
import { referenceIdForHover } from '../engine/docs/reference-hover'
import { editorServices, type CompletionEntry, type QueryLanguage } from './services'

/**
 * Completion, hover and format-document for both query languages. Each provider asks the engine
 * worker through the installed EditorServices; with none installed (or when the worker fails) it
 * offers nothing rather than guessing on the page, so the editor never disagrees with the engine.
 */

type M = typeof Monaco

function kindOf(monaco: M, kind: CompletionEntry['kind']): Monaco.languages.CompletionItemKind {
  const K = monaco.languages.CompletionItemKind
  switch (kind) {
    case 'keyword':
      return K.Keyword
    case 'field':
      return K.Field
    case 'function':
      return K.Function
    case 'operator':
      return K.Operator
    case 'value':
      return K.Value
    case 'category':
      return K.EnumMember
    case 'snippet':
      return K.Snippet
    default: {
      const never: never = kind
      return never
    }
  }
}

/** Items arrive ranked; the sort text keeps that order (Monaco sorts by it, then by label). */
function sortText(index: number): string {
  return index.toString(36).padStart(4, '0')
}

function registerFor(monaco: M, languageId: string, language: QueryLanguage): void {
  monaco.languages.registerCompletionItemProvider(languageId, {
    // `.` continues a dotted field name. Not space: a list opening after every word would make
    // Enter pick a suggestion where the user wanted a new line.
    triggerCharacters: ['.'],
    async provideCompletionItems(model, position) {
      const services = editorServices()
      if (!services) return { suggestions: [] }
      const text = model.getValue()
      const offset = model.getOffsetAt(position)
      const completions = await services.complete({ language, text, offset }).catch(() => null)
      if (!completions || model.isDisposed() || model.getValue() !== text) return { suggestions: [] }
      const r = spanToRange(completions.replace, (o) => model.getPositionAt(o))
      let range = new monaco.Range(r.startLineNumber, r.startColumn, r.endLineNumber, r.endColumn)
      // Monaco drops items whose range spans lines or misses the cursor; fall back to the word
      if (range.startLineNumber !== range.endLineNumber || !range.containsPosition(position)) {
        const word = model.getWordUntilPosition(position)
        range = new monaco.Range(position.lineNumber, word.startColumn, position.lineNumber, word.endColumn)
      }
      const suggestions = completions.entries.map(
        (e, i): Monaco.languages.CompletionItem => ({
          label: e.label,
          kind: kindOf(monaco, e.kind),
          insertText: e.insertText ?? e.label,
          ...(e.insertTextRules === 'snippet' ? { insertTextRules: monaco.languages.CompletionItemInsertTextRule.InsertAsSnippet } : {}),
          range,
          // entries arrive ranked; keep that order unless the engine gave its own sort keys
          sortText: e.sortText ?? sortText(i),
          ...(e.detail !== undefined ? { detail: e.detail } : {}),
          ...(e.documentation !== undefined ? { documentation: { value: e.documentation } } : {}),
        }),
      )
      return { suggestions }
    },
  })

  monaco.languages.registerHoverProvider(languageId, {
    async provideHover(model, position) {
      const services = editorServices()
      if (!services) return null
      const text = model.getValue()
      const info = await services.hover({ language, text, offset: model.getOffsetAt(position) }).catch(() => null)
      if (!info || model.isDisposed() || model.getValue() !== text) return null
      const r = spanToRange(info.span, (o) => model.getPositionAt(o))
      const contents: Monaco.IMarkdownString[] = info.contents.map((value) => ({ value }))
      // a function, operator or keyword with a quick-reference entry: end with a link to it
      // (a command link, trusted for this one command only; never a `#` link, the page reads
      // its fragment as a share link)
      const entryId = referenceIdForHover(language, info.contents)
      if (entryId !== null) contents.push({ value: openReferenceLink(entryId), isTrusted: { enabledCommands: [OPEN_REFERENCE_COMMAND] } })
      return {
        range: new monaco.Range(r.startLineNumber, r.startColumn, r.endLineNumber, r.endColumn),
        contents,
      }
    },
  })

  monaco.languages.registerDocumentFormattingEditProvider(languageId, {
    async provideDocumentFormattingEdits(model) {
      const services = editorServices()
      if (!services) return []
      const text = model.getValue()
      const reply = await services.format({ language, text }).catch(() => null)
      // null: the query does not parse (or the print would drop comments); leave it alone
      const formatted = reply?.formatted ?? null
      if (formatted === null || formatted === text || model.isDisposed() || model.getValue() !== text) return []
      return [{ range: model.getFullModelRange(), text: formatted }]
    },
  })
}

/** Registers the providers for EQL and KQL (once per page, from monaco-setup.ts). */
export function registerProviders(monaco: M): void {
  registerFor(monaco, EQL_LANGUAGE_ID, 'eql')
  registerFor(monaco, KQL_LANGUAGE_ID, 'kql')
}
