/**
 * p2p-globe host helper: drive an embedded demo from the page around it.
 *
 *   import { connect } from './host.js'
 *   const demo = connect(document.querySelector('iframe'))
 *   demo.on('ready', () => demo.send('runScenario', { scenario: { kind: 'site', at: 'ashburn' } }))
 *   demo.on('metrics', ({ metrics }) => console.log(metrics.usersOnline))
 *   const state = await demo.send('getState')
 *
 * The demo must be told who may drive it: give it ?parentOrigin=<this page's origin> in its address (not
 * needed when both are on the same origin; without it, a page on another origin hears nothing, not even ready).
 * Messages go to the demo's origin only, and only its answers count.
 */

const TYPE = 'p2pglobe'

/**
 * @param {HTMLIFrameElement} iframe the embedded demo
 * @param {{ timeoutMs?: number, forwardKeys?: boolean }} [options] forwardKeys (default true): keys the demo
 *   does not use are dispatched as keydown events on the iframe element, so they bubble through this page
 */
export function connect(iframe, options = {}) {
  const timeoutMs = options.timeoutMs ?? 10000
  const forwardKeys = options.forwardKeys ?? true
  const demoOrigin = new URL(iframe.src, location.href).origin
  /** @type {Map<string, Set<(data: any) => void>>} */
  const listeners = new Map()
  /** @type {Map<number, { resolve: (v: any) => void, reject: (e: Error) => void, timer: number }>} */
  const pending = new Map()
  let nextId = 1

  const onMessage = (event) => {
    if (event.source !== iframe.contentWindow || event.origin !== demoOrigin) return
    const data = event.data
    if (!data || data.type !== TYPE || typeof data.event !== 'string') return
    const waiting = typeof data.id === 'number' ? pending.get(data.id) : undefined
    if (waiting && (data.event === 'state' || data.event === 'error')) {
      pending.delete(data.id)
      clearTimeout(waiting.timer)
      if (data.event === 'error') waiting.reject(new Error(data.message))
      else waiting.resolve(data.state)
    }
    // A key the demo did not use: the host page gets it, as if pressed on the iframe (a slide deck's arrows);
    // Esc gives the keyboard back to the host page.
    if (data.event === 'key' && forwardKeys && typeof data.key === 'string') {
      if (data.key === 'Escape' && document.activeElement === iframe) iframe.blur()
      iframe.dispatchEvent(
        new KeyboardEvent('keydown', {
          key: data.key,
          code: typeof data.code === 'string' ? data.code : '',
          altKey: data.altKey === true,
          ctrlKey: data.ctrlKey === true,
          metaKey: data.metaKey === true,
          shiftKey: data.shiftKey === true,
          bubbles: true,
          cancelable: true,
        }),
      )
    }
    for (const fn of listeners.get(data.event) ?? []) fn(data)
    for (const fn of listeners.get('*') ?? []) fn(data)
  }
  window.addEventListener('message', onMessage)

  return {
    /**
     * Sends a command: setNetwork {network}, runScenario {scenario}, play, pause, reset, goToStep {step},
     * setParams {params}, getState. Resolves with the demo's state after it, or rejects with its error.
     * @param {string} command
     * @param {Record<string, unknown>} [args]
     */
    send(command, args = {}) {
      const id = nextId++
      return new Promise((resolve, reject) => {
        const timer = window.setTimeout(() => {
          pending.delete(id)
          reject(new Error(`p2p-globe: no answer to ${command} within ${timeoutMs} ms`))
        }, timeoutMs)
        pending.set(id, { resolve, reject, timer })
        iframe.contentWindow?.postMessage({ type: TYPE, command, id, ...args }, demoOrigin)
      })
    },
    /**
     * Listens for an event: ready, stateChanged, scenarioFinished, metrics, error, key, or '*' for all.
     * @param {string} event
     * @param {(data: any) => void} fn
     */
    on(event, fn) {
      if (!listeners.has(event)) listeners.set(event, new Set())
      listeners.get(event).add(fn)
      return () => listeners.get(event)?.delete(fn)
    },
    close() {
      window.removeEventListener('message', onMessage)
      for (const p of pending.values()) clearTimeout(p.timer)
      pending.clear()
      listeners.clear()
    },
  }
}
