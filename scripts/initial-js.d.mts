/** Types of scripts/initial-js.mjs (plain JS, so the browser bench can import it without a build). */

/** The budget, in bytes (kB = 1000 bytes). */
export declare const INITIAL_JS_BUDGET: number

/** One file of the initial JS: path from the build folder, raw and gzip bytes. */
export interface InitialJsFile {
  readonly file: string
  readonly bytes: number
  readonly gzipBytes: number
}

/** The initial JS of a built app folder: each file fetched before the first paint, and the gzip total. */
export declare function measureInitialJs(distDir: string): Promise<{ files: InitialJsFile[]; gzipBytes: number }>
