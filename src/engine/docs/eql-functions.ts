/**
 * Reference for every EQL builtin, in our own words: what the completion list, hover and the
 * quick-reference panel show. The registry (`eql/functions/registry.ts`) is the source of truth for
 * which functions exist and which have a `~` variant; a test keeps this table in step with it.
 */

/** One function's reference entry. */
export interface FunctionDoc {
  /** lower-case registry name */
  readonly name: string
  /** documented spelling, e.g. `startsWith` */
  readonly display: string
  /** e.g. `startsWith(source, prefix)` — optional parameters in brackets */
  readonly signature: string
  /** parameter names in order, for snippets (optional ones are left out of snippets) */
  readonly params: readonly string[]
  /** one line: what it returns */
  readonly description: string
  /** what the result type is, in EQL terms */
  readonly returns: string
  /** whether `name~(...)` exists (compares case-insensitively) */
  readonly tilde: boolean
  /** a short example call */
  readonly example: string
}

const TILDE_NOTE = 'Add `~` after the name (e.g. `%s~(...)`) to compare case-insensitively; without it the comparison is case-sensitive.'

/** Markdown note about the `~` variant of a function, or about its absence. */
export function tildeNote(doc: FunctionDoc): string {
  return doc.tilde ? TILDE_NOTE.replace('%s', doc.display) : 'No `~` variant: case does not matter to this function.'
}

function arith(name: string, verb: string, example: string): FunctionDoc {
  return {
    name,
    display: name,
    signature: `${name}(a, b)`,
    params: ['a', 'b'],
    description: `${verb}; null when either side is null. Whole numbers stay whole (Java arithmetic).`,
    returns: 'number',
    tilde: false,
    example,
  }
}

/** Every builtin Elasticsearch EQL accepts, alphabetical by name. */
export const FUNCTION_DOCS: readonly FunctionDoc[] = [
  arith('add', 'The sum of two numbers', 'add(process.pid, 1) == 1001'),
  {
    name: 'between',
    display: 'between',
    signature: 'between(source, left, right[, greedy])',
    params: ['source', 'left', 'right'],
    description:
      'The text between the first `left` and the next `right` (with `greedy` true: the last `right`); "" when a delimiter is missing.',
    returns: 'string',
    tilde: true,
    example: 'between(file.path, "Users\\\\", "\\\\") == "alice"',
  },
  {
    name: 'cidrmatch',
    display: 'cidrMatch',
    signature: 'cidrMatch(ip, block, ...)',
    params: ['ip', 'block'],
    description: 'True when the address lies in any of the CIDR blocks (the blocks must be string constants).',
    returns: 'boolean',
    tilde: false,
    example: 'cidrMatch(source.ip, "10.0.0.0/8", "192.168.0.0/16")',
  },
  {
    name: 'concat',
    display: 'concat',
    signature: 'concat(value, ...)',
    params: ['value'],
    description: 'The values as text, joined end to end; null as soon as any value is null.',
    returns: 'string',
    tilde: false,
    example: 'concat(user.domain, "\\\\", user.name) == "CORP\\\\alice"',
  },
  arith('divide', 'The first number divided by the second (whole numbers divide to a whole number)', 'divide(file.size, 1024) > 100'),
  {
    name: 'endswith',
    display: 'endsWith',
    signature: 'endsWith(source, suffix)',
    params: ['source', 'suffix'],
    description: 'True when the text ends with the suffix.',
    returns: 'boolean',
    tilde: true,
    example: 'endsWith~(file.name, ".EXE")',
  },
  {
    name: 'indexof',
    display: 'indexOf',
    signature: 'indexOf(source, search[, start])',
    params: ['source', 'search'],
    description: 'The 0-based position of the first `search` at or after `start` (default 0); null when not found.',
    returns: 'integer',
    tilde: true,
    example: 'indexOf(process.command_line, "-enc") >= 0',
  },
  {
    name: 'length',
    display: 'length',
    signature: 'length(source)',
    params: ['source'],
    description: 'The number of characters (UTF-16 code units) in the text; null for null.',
    returns: 'integer',
    tilde: false,
    example: 'length(dns.question.name) > 60',
  },
  arith('modulo', 'The remainder of the first number divided by the second', 'modulo(process.pid, 2) == 0'),
  arith('multiply', 'The product of two numbers', 'multiply(file.size, 8) > 1000000'),
  {
    name: 'number',
    display: 'number',
    signature: 'number(source[, base])',
    params: ['source'],
    description: 'Reads text as a number (base 10 by default, `0x` means 16); text that is not a number is an error.',
    returns: 'number',
    tilde: false,
    example: 'number(user.id) == 501',
  },
  {
    name: 'startswith',
    display: 'startsWith',
    signature: 'startsWith(source, prefix)',
    params: ['source', 'prefix'],
    description: 'True when the text starts with the prefix.',
    returns: 'boolean',
    tilde: true,
    example: 'startsWith~(process.name, "power")',
  },
  {
    name: 'string',
    display: 'string',
    signature: 'string(value)',
    params: ['value'],
    description: 'The value written as text ("true", "42", "2.5"); null for null.',
    returns: 'string',
    tilde: false,
    example: 'string(process.pid) == "4"',
  },
  {
    name: 'stringcontains',
    display: 'stringContains',
    signature: 'stringContains(source, search)',
    params: ['source', 'search'],
    description: 'True when the text contains `search` (an empty `search` never matches).',
    returns: 'boolean',
    tilde: true,
    example: 'stringContains~(process.command_line, "invoke-expression")',
  },
  {
    name: 'substring',
    display: 'substring',
    signature: 'substring(source, start[, end])',
    params: ['source', 'start'],
    description: 'A slice of the text from `start` up to `end` (0-based; negative positions count from the end).',
    returns: 'string',
    tilde: false,
    example: 'substring(file.name, -4) == ".exe"',
  },
  arith('subtract', 'The first number minus the second', 'subtract(process.pid, process.parent.pid) > 0'),
]

const BY_NAME: ReadonlyMap<string, FunctionDoc> = new Map(FUNCTION_DOCS.map((d) => [d.name, d]))

/** The reference entry for a function name in any case, or undefined. */
export function functionDoc(name: string): FunctionDoc | undefined {
  return BY_NAME.get(name.toLowerCase())
}

/** Markdown shown on hover and in completion details. */
export function functionMarkdown(doc: FunctionDoc, tildeUsed = false): string {
  const head = tildeUsed ? doc.signature.replace('(', '~(') : doc.signature
  return [
    '```eql\n' + head + '\n```',
    `${doc.description} Returns ${doc.returns}.`,
    tildeUsed ? 'Case-insensitive (`~`).' : tildeNote(doc),
    `Example: \`${doc.example}\``,
  ].join('\n\n')
}
