/**
 * GLSL shared by the layers that show failure state. A state is (up, changedAt): whether the element works (1), is
 * up but what it hosts does not answer (0.5: a shared plane it needs is down), or is down (0), and when (scene
 * seconds) it last changed. An impaired element greys within FAIL_TRANSITION_SECONDS. A failed element turns to the failure red within FAIL_TRANSITION_SECONDS,
 * then settles to a darker red; a repaired one flashes white and returns to its own colour.
 */

import { Color } from 'three'
import { FAIL_TRANSITION_SECONDS, PALETTE } from './constants'

export const STATE_GLSL = /* glsl */ `
uniform float uNow;
uniform vec3 uFailed;
uniform vec3 uFailedDim;
uniform vec3 uRecovered;
uniform vec3 uImpaired;

// Colour of an element of colour base in state st = (up, changedAt); emphasis is 1 right after a change.
vec3 stateColor(vec2 st, vec3 base, out float emphasis, out float down) {
  float since = max(uNow - st.y, 0.0);
  if (st.x > 0.25 && st.x < 0.75) {
    float g = smoothstep(0.0, ${FAIL_TRANSITION_SECONDS.toFixed(3)}, since);
    emphasis = g * (1.0 - smoothstep(2.0, 5.0, since));
    down = 0.0;
    return mix(base, uImpaired, g);
  }
  if (st.x > 0.5) {
    float flash = exp(-since * 2.5);
    emphasis = flash;
    down = 0.0;
    return mix(base, uRecovered, flash * 0.85);
  }
  float k = smoothstep(0.0, ${FAIL_TRANSITION_SECONDS.toFixed(3)}, since);
  float settle = smoothstep(2.0, 5.0, since) * 0.55;
  emphasis = k * (1.0 - settle);
  down = k;
  return mix(base, mix(uFailed, uFailedDim, settle), k);
}
`

/** Uniforms for STATE_GLSL; uNow is advanced every frame by the layer that owns the material. */
export function stateUniforms() {
  return {
    uNow: { value: 0 },
    uFailed: { value: new Color(PALETTE.failed) },
    uFailedDim: { value: new Color(PALETTE.failedDim) },
    uRecovered: { value: new Color(PALETTE.recovered) },
    uImpaired: { value: new Color(PALETTE.impaired) },
  }
}

/** "Long ago": elements that never changed show no transition. */
export const NEVER_CHANGED = -1e6

/** The scene's clock for transitions, seconds. */
export function sceneNow(): number {
  return performance.now() / 1000
}
