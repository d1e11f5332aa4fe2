import { describe, expect, it } from 'vitest'
import { buildReason, readPath } from './reason'

const reason = (source: unknown, severity = 'high', ruleName = 'Login Hook') => buildReason({ ruleName, severity, source })

describe('buildReason', () => {
  it('names category, process, parent, file, user and host in the engine order', () => {
    const source = {
      event: { category: ['process'] },
      process: { name: 'defaults', parent: { name: 'bash' } },
      file: { name: 'x.plist' },
      user: { name: 'mia' },
      host: { name: 'mac-1' },
    }
    expect(reason(source)).toBe('process event with process defaults, parent process bash, file x.plist, by mia on mac-1 created high alert Login Hook.')
  })

  it('says just "event" with no field at all', () => {
    expect(reason({}, 'low', 'Failed Logins')).toBe('event created low alert Failed Logins.')
  })

  it('leaves out "with" when only category, user and host are there', () => {
    expect(reason({ event: { category: 'configuration' }, host: { name: 'sensor' } })).toBe('configuration event on sensor created high alert Login Hook.')
    expect(reason({ user: { name: 'root' } })).toBe('event by root created high alert Login Hook.')
  })

  it('joins arrays with ", " and drops empty values and a lone "-"', () => {
    expect(reason({ event: { category: ['process', 'file'] }, process: { name: '' }, user: { name: ['-'] }, host: { name: [] } })).toBe(
      'process, file event created high alert Login Hook.',
    )
  })

  it('puts the comma after a port, not after an address without one', () => {
    expect(reason({ source: { ip: '10.0.0.1' }, destination: { ip: '10.0.0.2', port: ['443'] } })).toBe(
      'event with source 10.0.0.1 destination 10.0.0.2:443, created high alert Login Hook.',
    )
  })

  it('leaves out a bare number (the engine reads only strings and arrays)', () => {
    expect(reason({ source: { ip: '10.0.0.1', port: 5555 } })).toBe('event with source 10.0.0.1 created high alert Login Hook.')
    expect(reason({ source: { port: [5555] } })).toBe('event with:5555, created high alert Login Hook.')
  })

  it('reads dotted keys and mixes as well as nested objects', () => {
    expect(reason({ 'process.parent.name': 'zsh', 'host.name': 'h' })).toBe('event with parent process zsh, on h created high alert Login Hook.')
    expect(readPath({ process: { 'parent.name': 'a' } }, 'process.parent.name')).toBe('a')
    expect(readPath({ 'process.parent': { name: 'b' } }, 'process.parent.name')).toBe('b')
    expect(readPath({ process: 'x' }, 'process.name')).toBeUndefined()
  })
})
