/**
 * Saves a text as a file through the browser's download: a Blob's object URL handed to an
 * `<a download>`, revoked once the click has started the download. Nothing leaves the machine.
 */
export function downloadText(fileName: string, text: string, mimeType = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type: mimeType }))
  const a = document.createElement('a')
  a.href = url
  a.download = fileName
  document.body.append(a)
  a.click()
  a.remove()
  window.setTimeout(() => URL.revokeObjectURL(url), 0)
}
