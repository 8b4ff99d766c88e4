import { setConsoleFunction } from 'three'

/**
 * three.js routes its console output through one hook; this forwards everything except a known, harmless
 * deprecation: @react-three/fiber 9 builds a THREE.Clock for every canvas, and three r183+ warns about it on
 * each construction (pmndrs/react-three-fiber#3741, fixed only in fiber 10). Nothing in this app uses the clock
 * beyond fiber's own frame delta. Remove this when fiber stops constructing a Clock.
 */
const SILENCED_WARNINGS = ['THREE.Clock: This module has been deprecated']

let installed = false

export function installThreeConsoleFilter(): void {
  if (installed) return
  installed = true
  setConsoleFunction((type, message, ...params) => {
    if (type === 'warn' && SILENCED_WARNINGS.some((s) => message.startsWith(s))) return
    console[type](message, ...params)
  })
}
