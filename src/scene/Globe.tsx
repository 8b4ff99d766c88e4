import { Canvas } from '@react-three/fiber'
import { useRef, useState } from 'react'
import type { Group } from 'three'
import { signalReady } from '../embed/pageApi'
import { ALL_KINDS } from '../store/store'
import { AdaptivePixelRatio, initialPixelRatio } from './AdaptivePixelRatio'
import { Animator } from './animation'
import { Atmosphere } from './Atmosphere'
import { CameraRig } from './CameraRig'
import { BACKGROUND_COLOR, CAMERA_FOV } from './constants'
import { ContextLoss } from './ContextLoss'
import { DisasterArea } from './DisasterArea'
import { Earth } from './Earth'
import { Labels } from './Labels'
import { Land } from './Land'
import { NetworkView } from './NetworkView'
import { PauseWhenHidden } from './PauseWhenHidden'
import { People } from './People'
import { RenderProbe } from './RenderProbe'
import { Ripples } from './Ripples'
import { SimDriver } from './SimDriver'
import { Spin } from './Spin'
import { Stars } from './Stars'
import { installThreeConsoleFilter } from './threeConsole'
import { Traffic } from './Traffic'
import { useReducedMotion } from './useReducedMotion'

installThreeConsoleFilter()

const GL_OPTIONS = { antialias: true, alpha: false, powerPreference: 'high-performance' } as const
const CAMERA = { fov: CAMERA_FOV, near: 0.1, far: 50, position: [0, 0, 4] as [number, number, number] }

interface GlobeProps {
  /** Zoom with the wheel and pinch (default on); an embed turns it off until the visitor clicks in. */
  zoom?: boolean
}

/**
 * The canvas and everything drawn in it. Frames are drawn on demand: the slow spin asks for the next one while
 * it turns (never under prefers-reduced-motion), dragging and flights ask for their own, and nothing asks while
 * the globe cannot be seen (visibility.ts). The pixel ratio adapts to how fast frames come (quality.ts).
 */
export default function Globe({ zoom = true }: GlobeProps) {
  const reducedMotion = useReducedMotion()
  const earth = useRef<Group>(null)
  // The Canvas re-applies its dpr prop on every render: it must always be the tier AdaptivePixelRatio chose.
  const [pixelRatio, setPixelRatio] = useState(initialPixelRatio)

  return (
    <Canvas
      className="globe"
      frameloop="demand"
      dpr={pixelRatio}
      flat
      gl={GL_OPTIONS}
      camera={CAMERA}
      fallback={<p>A 3D globe of a peer-to-peer network. It needs WebGL.</p>}
      role="img"
      aria-label="A globe showing the world's people and the nodes and links of a network."
    >
      <color attach="background" args={[BACKGROUND_COLOR]} />
      {/* Star sizes are in CSS pixels, so a change of tier does not resize them. */}
      <Stars pixelRatio={pixelRatio} />
      <CameraRig earth={earth} reducedMotion={reducedMotion} zoom={zoom} />
      <Spin earth={earth} enabled={!reducedMotion}>
        <Earth />
        <DisasterArea />
        <Land onFirstDraw={signalReady} />
        <People reducedMotion={reducedMotion} />
        {ALL_KINDS.map((kind) => (
          <NetworkView key={kind} kind={kind} reducedMotion={reducedMotion} />
        ))}
        <Traffic reducedMotion={reducedMotion} />
        <Ripples reducedMotion={reducedMotion} />
      </Spin>
      <Atmosphere />
      <Labels />
      <SimDriver />
      <Animator />
      <PauseWhenHidden />
      <ContextLoss />
      <AdaptivePixelRatio onChange={setPixelRatio} />
      <RenderProbe />
    </Canvas>
  )
}
