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
  for (const s of seg.segment(text)) {
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
  return out
}
