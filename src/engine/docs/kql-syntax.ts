/**
 * KQL syntax for the quick reference, in our own words: values, wildcards, quoting and escaping,
 * and the query forms. Facts follow docs/kql-semantics.md (Kibana's grammar and the DSL the
 * detection engine sends); every example parses (reference.test.ts checks it).
 */
import type { SyntaxDoc } from './syntax-doc'

const VALUES: readonly SyntaxDoc[] = [
  {
    language: 'kql',
    key: 'wildcard',
    group: 'kql-values',
    name: 'Wildcard *',
    signature: 'field : pat*ern',
    summary: 'An unescaped `*` in an UNQUOTED value is a wildcard for any run of characters; what it matches against depends on the field type (see "How : matches per field type"). A leading `*` is allowed in rules.',
    caseRule: 'per field type: keyword and wildcard fields case-sensitive, text fields lower-cased',
    wildcards: '`*` any run of characters; `\\*` or quotes make it a literal star',
    example: 'process.name : python*',
    snippet: 'field : value*',
  },
  {
    language: 'kql',
    key: 'question-mark',
    group: 'kql-values',
    name: '? is not a wildcard',
    signature: 'field : file?.txt',
    summary: 'KQL has a single wildcard, `*`. A `?` is an ordinary character: `file?.txt` matches only the text "file?.txt", not "file1.txt". Use `*` (or EQL\'s `:` / `like`) for "one character".',
    wildcards: '`?` is always literal in KQL',
    example: 'file.name : report?.pdf',
  },
  {
    language: 'kql',
    key: 'quoted',
    group: 'kql-values',
    name: 'Quoted values "…"',
    signature: 'field : "value"',
    summary:
      'Quotes keep spaces, keywords and special characters as text and make `*` literal; on a text field a quoted value is a phrase. Escapes: `\\"`, `\\\\`, `\\t`, `\\r`, `\\n`, `\\uXXXX`. Any other backslash stays as written.',
    caseRule: 'as the field type decides (keyword: case-sensitive)',
    wildcards: 'none: `*` and `?` are literal inside quotes',
    example: 'process.command_line : "/bin/sh -c id"',
    snippet: 'field : ""',
  },
  {
    language: 'kql',
    key: 'windows-paths',
    group: 'kql-values',
    name: 'Backslashes and Windows paths',
    signature: '"C:\\\\Windows\\\\temp"  |  C\\:\\\\Windows\\\\*',
    summary:
      'In quotes `\\t`, `\\n` and `\\r` are escapes, so `"C:\\temp"` holds a TAB: double every backslash. Unquoted, a backslash before a character that is not special (`\\W` in `C:\\Windows`) is a syntax error, and the colon must be escaped too.',
    wildcards: 'only the unquoted form can use `*`',
    example: 'file.path : "C:\\\\Windows\\\\temp\\\\x.exe" or file.path : C\\:\\\\Users\\\\*',
  },
  {
    language: 'kql',
    key: 'escaping',
    group: 'kql-values',
    name: 'Escaping in unquoted values',
    signature: '\\\\  \\(  \\)  \\:  \\<  \\>  \\"  \\*  \\{  \\}',
    summary:
      'In an unquoted value these characters must be escaped with a backslash: `\\ ( ) : < > " * { }`. Also allowed: `\\t`, `\\r`, `\\n`, `\\uXXXX` and `\\and`, `\\or`, `\\not`. Any other escape is a syntax error; every other character (`- / . ? ! = +` …) needs none.',
    wildcards: '`\\*` is a literal star',
    example: 'url.path : /api\\(v1\\)\\:* or file.name : a\\*b',
  },
  {
    language: 'kql',
    key: 'keywords-in-values',
    group: 'kql-values',
    name: 'and / or / not inside values',
    signature: 'field : "cannot find"  |  field : cannot \\not find',
    summary:
      'An unquoted value ends where ` and `, ` or ` or `not ` begins — `not ` even inside a word — so `message : cannot find` is a syntax error. Quote the value, or escape the keyword (`\\not`).',
    caseRule: 'the keywords are recognised in any letter case',
    example: 'message : "cannot find file" or error.message : "not found"',
  },
  {
    language: 'kql',
    key: 'whitespace',
    group: 'kql-values',
    name: 'Spaces in unquoted values',
    signature: 'field : two words',
    summary: 'Spaces inside an unquoted value belong to it (the edges are trimmed): `user.full_name : Jane Doe` is the value "Jane Doe". Two clauses need `and`/`or` between them.',
    example: 'user.full_name : Jane Doe',
  },
  {
    language: 'kql',
    key: 'literals',
    group: 'kql-values',
    name: 'true, false, null and numbers',
    signature: 'field : true  |  field : 42',
    summary:
      'Only unquoted lower-case `true`, `false` and `null` are special; numbers stay text until Elasticsearch reads them for the field\'s type (a word against a number field fails the search). `field : null` fails the search: write `not field : *` for "no value".',
    example: 'process.code_signature.trusted : false and process.pid : 42',
  },
]

const QUERIES: readonly SyntaxDoc[] = [
  {
    language: 'kql',
    key: 'value-list',
    group: 'kql-queries',
    name: 'Value lists',
    signature: 'field : (a or b and not c)',
    summary: 'The field applies to every value of the list. `not` inside a list needs parentheses around what it negates (`field:(not a)`); after `field:"x" or "y"` the `"y"` is free text, not part of the list.',
    example: 'event.action : ("exec" or "fork")',
    snippet: 'field : ("a" or "b")',
  },
  {
    language: 'kql',
    key: 'exists',
    group: 'kql-queries',
    name: 'Exists field : *',
    signature: 'field : *',
    summary: 'The field has a value: an empty string counts, `null` and `[]` do not. `not field : *` finds events without it.',
    example: 'process.parent.name : * and not user.name : *',
    snippet: 'field : *',
  },
  {
    language: 'kql',
    key: 'ranges',
    group: 'kql-queries',
    name: 'Ranges and date math',
    signature: 'field < value, <=, >, >=',
    summary:
      'One value after the operator. Numbers compare as numbers, IPs by address, text in byte order, dates after rounding to the value\'s precision; date math such as `now-15m` or `now/d` works. Dates without an offset are read in UTC.',
    caseRule: 'text bounds compare case-sensitively',
    wildcards: '`*` is literal in a range bound',
    example: '@timestamp >= now-15m and destination.port < 1024',
  },
  {
    language: 'kql',
    key: 'grouping',
    group: 'kql-queries',
    name: 'Grouping and precedence',
    signature: '(a or b) and not c',
    summary:
      '`not` binds tightest, then `and`, then `or`; parentheses group. `and`/`or` need spaces on both sides and `not` one after it; only one `not` per clause (`not (not a)`, never `not not a`).',
    caseRule: 'and, or, not in any letter case',
    example: '(process.name : bash or process.name : zsh) and not user.name : root',
  },
  {
    language: 'kql',
    key: 'free-text',
    group: 'kql-queries',
    name: 'Free text (no field)',
    signature: 'value',
    summary: 'A value without a field is searched in every field, each by its own type (leniently: a type mismatch is just no match).',
    example: '"suspicious.exe"',
  },
  {
    language: 'kql',
    key: 'field-patterns',
    group: 'kql-queries',
    name: 'Field-name patterns',
    signature: 'prefix.* : value',
    summary: 'A `*` in the field name queries every mapped field the pattern covers; the clause holds when any of them matches.',
    wildcards: '`*` in a field name; `\\*` is a literal star',
    example: 'process.*.name : launchctl',
  },
  {
    language: 'kql',
    key: 'nested',
    group: 'kql-queries',
    name: 'Nested queries',
    signature: 'path : { inner query }',
    summary: 'The inner query must hold within ONE object of a `nested` array (field names inside are relative to the path). On a field not mapped as `nested` Elasticsearch fails the search.',
    example: 'threat.enrichments : { matched.field : "file.hash.sha256" and indicator.type : file }',
  },
]

/** Every KQL syntax entry, values and escaping first. */
export const KQL_SYNTAX_DOCS: readonly SyntaxDoc[] = [...VALUES, ...QUERIES]
