import { lowerSimple } from './case-fold'

/**
 * Elasticsearch's `standard` analyzer, which `text` and `match_only_text` fields use (KQL matches
 * and phrases run against its tokens): Unicode word segmentation (UAX #29, via `Intl.Segmenter`)
 * followed by per-code-point lower-casing. Details that follow Lucene's StandardTokenizer rather
 * than ICU:
 * - Han ideographs are one token each (ICU groups them into dictionary words);
 * - emoji are tokens (ICU marks them as not word-like);
 * - a token longer than 255 UTF-16 units is split into 255-unit pieces.
 * So `C:\Windows\System32\cmd.exe` gives `c`, `windows`, `system32`, `cmd.exe`; `foo-bar` gives
 * `foo`, `bar`; `foo_bar` and `foo.bar` stay whole. Without `Intl.Segmenter` (very old runtimes) a
 * letter/digit-run approximation is used.
 */

const MAX_TOKEN = 255
const HAN = /\p{Script=Han}/u
const EMOJI = /^\p{Extended_Pictographic}/u

let segmenter: Intl.Segmenter | null | undefined

function getSegmenter(): Intl.Segmenter | null {
  if (segmenter === undefined) {
    segmenter = typeof Intl === 'object' && typeof Intl.Segmenter === 'function' ? new Intl.Segmenter('und', { granularity: 'word' }) : null
  }
  return segmenter
}

function push(out: string[], token: string): void {
  if (token.length <= MAX_TOKEN) {
    out.push(lowerSimple(token))
    return
  }
  for (let i = 0; i < token.length; i += MAX_TOKEN) out.push(lowerSimple(token.slice(i, i + MAX_TOKEN)))
}

const FALLBACK = /[\p{L}\p{N}\p{M}_]+(?:['.][\p{L}\p{N}\p{M}_]+)*|\p{Extended_Pictographic}/gu

/** The tokens the standard analyzer produces for `text`, in order. */
export function analyzeStandard(text: string): string[] {
  const out: string[] = []
  const seg = getSegmenter()
  if (seg === null) {
    for (const m of text.matchAll(FALLBACK)) push(out, m[0])
    return out
  }
  for (let from = 0; from < text.length; ) {
    const to = chunkEnd(text, from)
    const chunk = from === 0 && to === text.length ? text : text.slice(from, to)
    if (ASCII.test(chunk)) tokenizeAscii(chunk, out)
    else tokenizeSegments(seg.segment(chunk), out)
    from = to
  }
  return out
}

/** The tokens of `text` from Intl.Segmenter alone, in one piece: the reference for the tests. */
export function analyzeWithSegmenter(text: string, seg: Intl.Segmenter): string[] {
  const out: string[] = []
  tokenizeSegments(seg.segment(text), out)
  return out
}

// Plain ASCII (most log text) skips Intl.Segmenter, which costs about a microsecond a character:
// UAX #29 on ASCII is a run of letters, digits and `_`, where `:` `.` `'` join two letters and
// `.` `,` `;` `'` join two digits (WB5-WB13b). ICU does not count a lone `_` as a word (`__` it
// does). The unit tests compare this with Intl.Segmenter on random ASCII strings.
const ASCII = /^[\0-\x7f]*$/
const ASCII_WORD = /[A-Za-z0-9_]+(?:(?:(?<=[A-Za-z])[:.'](?=[A-Za-z])|(?<=[0-9])[.,;'](?=[0-9]))[A-Za-z0-9_]+)*/g

function tokenizeAscii(text: string, out: string[]): void {
  for (const m of text.matchAll(ASCII_WORD)) if (m[0] !== '_') push(out, m[0])
}

function tokenizeSegments(segments: Intl.Segments, out: string[]): void {
  for (const s of segments) {
    const t = s.segment
    if (s.isWordLike !== true) {
      if (EMOJI.test(t)) out.push(t)
      continue
    }
    if (!HAN.test(t)) {
      push(out, t)
      continue
    }
    // split ideographs out one by one, keep runs of other characters together
    let run = ''
    for (const ch of t) {
      if (HAN.test(ch)) {
        if (run !== '') push(out, run)
        run = ''
        out.push(ch)
      } else run += ch
    }
    if (run !== '') push(out, run)
  }
}

// Intl.Segmenter's cost grows with the square of the text's length in V8 (100,000 characters of
// short words: 2.4 s; of Han ideographs: 40 s), and events carry values that long. So a long
// text is segmented in chunks of CHUNK to MAX_CHUNK characters, each ending where UAX #29 always
// breaks and no token spans the cut, so the tokens are the same as for the whole text:
// - after a space or line break, before a letter, digit or another space (no rule joins them);
// - between two Han ideographs (one token each here, however ICU's dictionary groups them);
// - between two pictographs (WB3c joins one only after a zero-width joiner).
// A stretch of MAX_CHUNK characters without such a place (one enormous word) is cut at MAX_CHUNK,
// between two code points: the only case where the tokens can differ from the whole text's.
const CHUNK = 2048
// a multiple of the token length limit, so a cut inside one enormous word that began at the
// chunk's start falls where the 255-unit pieces would split it anyway
const MAX_CHUNK = 32 * MAX_TOKEN
const SPACE = /[\t\n\v\f\r \u0085\u1680\u2000-\u2006\u2008-\u200a\u2028\u2029\u205f\u3000]/
const LETTER_DIGIT_OR_SPACE = /[\p{L}\p{N}\t\n\v\f\r \u0085\u1680\u2000-\u2006\u2008-\u200a\u2028\u2029\u205f\u3000]/u
const PICTOGRAPH = /\p{Extended_Pictographic}/u

function chunkEnd(text: string, from: number): number {
  if (text.length - from <= MAX_CHUNK) return text.length
  const last = from + MAX_CHUNK
  for (let i = from + CHUNK; i < last; i++) if (isSafeCut(text, i)) return i
  // no safe place: cut between code points, never inside a surrogate pair
  return isLowSurrogate(text.charCodeAt(last)) ? last - 1 : last
}

function isSafeCut(text: string, i: number): boolean {
  if (isLowSurrogate(text.charCodeAt(i))) return false
  const before = isLowSurrogate(text.charCodeAt(i - 1)) ? i - 2 : i - 1
  const prev = String.fromCodePoint(text.codePointAt(before) ?? 0)
  const next = String.fromCodePoint(text.codePointAt(i) ?? 0)
  if (SPACE.test(prev)) return LETTER_DIGIT_OR_SPACE.test(next)
  return (HAN.test(prev) && HAN.test(next)) || (PICTOGRAPH.test(prev) && PICTOGRAPH.test(next))
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff
}
