import { Canvas } from '@react-three/fiber'
import { useCallback, useState } from 'react'
import { signalReady } from '../embed/pageApi'
import { Atmosphere } from './Atmosphere'
import { CameraRig } from './CameraRig'
import { BACKGROUND_COLOR, CAMERA_FOV } from './constants'
import { Earth } from './Earth'
import { Land } from './Land'
import { RenderProbe } from './RenderProbe'
import { Spin } from './Spin'
import { installThreeConsoleFilter } from './threeConsole'
import { useReducedMotion } from './useReducedMotion'
import { NETWORK_KINDS } from '../store/store'
import { useAppStore } from '../store/appStore'
import { Animator } from './animation'
import { DisasterArea } from './DisasterArea'
import { Labels } from './Labels'
import { NetworkView } from './NetworkView'
import { People } from './People'
import { Ripples } from './Ripples'
import { SimDriver } from './SimDriver'
import { Stars } from './Stars'
import { Traffic } from './Traffic'

installThreeConsoleFilter()

const GL_OPTIONS = { antialias: true, alpha: false, powerPreference: 'high-performance' } as const
const CAMERA = { fov: CAMERA_FOV, near: 0.1, far: 50, position: [0, 0, 4] as [number, number, number] }
const DPR: [number, number] = [1, 2]

/**
 * The canvas and everything drawn in it. Frames are drawn on demand: the slow spin asks for the next one while
 * it turns (never under prefers-reduced-motion), dragging asks for its own.
 */
export default function Globe() {
  const reducedMotion = useReducedMotion()
  const autoRotate = useAppStore((s) => s.autoRotate)
  const [dragging, setDragging] = useState(false)
  const onDragChange = useCallback((d: boolean) => setDragging(d), [])

  return (
    <Canvas
      className="globe"
      frameloop="demand"
      dpr={DPR}
      flat
      gl={GL_OPTIONS}
      camera={CAMERA}
      fallback={<p>A 3D globe of a peer-to-peer network. It needs WebGL.</p>}
      role="img"
      aria-label="A globe showing the world's people and the nodes and links of a network."
    >
      <color attach="background" args={[BACKGROUND_COLOR]} />
      <Stars pixelRatio={1} />
      <CameraRig onDragChange={onDragChange} />
      <Spin enabled={autoRotate && !reducedMotion && !dragging}>
        <Earth />
        <DisasterArea />
        <Land onFirstDraw={signalReady} />
        <People reducedMotion={reducedMotion} />
        {NETWORK_KINDS.map((kind) => (
          <NetworkView key={kind} kind={kind} reducedMotion={reducedMotion} />
        ))}
        <Traffic reducedMotion={reducedMotion} />
        <Ripples reducedMotion={reducedMotion} />
      </Spin>
      <Atmosphere />
      <Labels />
      <SimDriver />
      <Animator />
      <RenderProbe />
    </Canvas>
  )
}
