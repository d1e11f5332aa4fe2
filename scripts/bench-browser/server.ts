/**
 * The browser bench's own static server for the built app (node:http, loopback only). It sends
 * the cross-origin isolation headers (COOP same-origin, COEP require-corp) so that
 * `performance.measureUserAgentSpecificMemory()` is available in the page: the memory figure
 * needs it, and `vite preview` does not send them. The app loads only same-origin files, so
 * isolation changes nothing else.
 */
import { createReadStream, statSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import { extname, join, normalize, sep } from 'node:path'

const MIME: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.ttf': 'font/ttf',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
}

/** A running server: its origin (`http://127.0.0.1:PORT`) and how to stop it. */
export interface StaticServer {
  readonly origin: string
  close(): Promise<void>
}

/** The file under `root` that a request path names, or null (outside root, or not a file). */
function fileFor(root: string, urlPath: string): string | null {
  let path: string
  try {
    path = decodeURIComponent(urlPath.split('?')[0] ?? '/')
  } catch {
    return null
  }
  if (path.endsWith('/')) path += 'index.html'
  const full = normalize(join(root, path))
  if (full !== root && !full.startsWith(root.endsWith(sep) ? root : root + sep)) return null
  try {
    return statSync(full).isFile() ? full : null
  } catch {
    return null
  }
}

/** Serves `root` on 127.0.0.1:`port` (any free port if that one is busy) with correct MIME types and cross-origin isolation. */
export function startStaticServer(root: string, port: number): Promise<StaticServer> {
  const base = normalize(root)
  const server: Server = createServer((req, res) => {
    const file = req.method === 'GET' || req.method === 'HEAD' ? fileFor(base, req.url ?? '/') : null
    const headers = {
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Cross-Origin-Embedder-Policy': 'require-corp',
      'Cross-Origin-Resource-Policy': 'same-origin',
      'Cache-Control': 'no-store',
    }
    if (file === null) {
      res.writeHead(404, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' })
      res.end('not found')
      return
    }
    const type = MIME[extname(file).toLowerCase()] ?? 'application/octet-stream'
    res.writeHead(200, { ...headers, 'Content-Type': type, 'Content-Length': String(statSync(file).size) })
    if (req.method === 'HEAD') res.end()
    else createReadStream(file).pipe(res)
  })
  // a busy port (another bench, another engineer's server) falls back to any free one
  const listen = (p: number): Promise<StaticServer> =>
    new Promise((resolve, reject) => {
      server.once('error', reject)
      server.listen(p, '127.0.0.1', () => {
        server.off('error', reject)
        const address = server.address()
        const actual = address !== null && typeof address === 'object' ? address.port : p
        const close = (): Promise<void> =>
          new Promise<void>((done) => {
            server.close(() => done())
            // keep-alive sockets of the browser would otherwise hold close() open
            server.closeAllConnections()
          })
        resolve({ origin: `http://127.0.0.1:${actual}`, close })
      })
    })
  return listen(port).catch((err: unknown) => {
    if (port !== 0 && err instanceof Error && 'code' in err && err.code === 'EADDRINUSE') return listen(0)
    throw err
  })
}
