import { useThree } from '@react-three/fiber'
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react'
import type { Group } from 'three'
import { signalReady } from '../embed/pageApi'
import { useAppStore } from '../store/appStore'
import { ALL_KINDS, type NetworkKind } from '../store/store'
import { AdaptivePixelRatio, initialPixelRatio } from './AdaptivePixelRatio'
import { Animator } from './animation'
import { Atmosphere } from './Atmosphere'
import { claimLead, createLinkMember, joinLink, leaveLink } from './cameraLink'
import { CameraLink } from './CameraLink'
import { CameraRig } from './CameraRig'
import { Canvas } from './Canvas'
import { CAMERA_FOV, SCENE_THEMES } from './constants'
import { ContextLoss } from './ContextLoss'
import { DisasterArea } from './DisasterArea'
import { Earth } from './Earth'
import './Globe.css'
import { createDraftArea, createRoomState, GlobeViewContext, type GlobeView } from './globeView'
import { IncidentPins } from './IncidentPins'
import { Labels } from './Labels'
import { Land } from './Land'
import { NetworkView } from './NetworkView'
import { PauseWhenHidden } from './PauseWhenHidden'
import { People } from './People'
import { Picking } from './Picking'
import { RenderProbe } from './RenderProbe'
import { Ripples } from './Ripples'
import { observeRoom } from './room'
import { SimDriver } from './SimDriver'
import { Spin } from './Spin'
import { Stars } from './Stars'
import { installThreeConsoleFilter } from './threeConsole'
import { Traffic } from './Traffic'
import { useReducedMotion } from './useReducedMotion'
import { shouldDraw } from './visibility'
import { glAttributes } from './webgl'

installThreeConsoleFilter()

const CAMERA = { fov: CAMERA_FOV, near: 0.1, far: 50, position: [0, 0, 4] as [number, number, number] }

interface GlobeProps {
  /** Zoom with the wheel and pinch (default on); an embed turns it off until the visitor clicks in. */
  zoom?: boolean
  /** Show this network, fixed (the compare view); by default the active one, cross-fading when it changes. */
  network?: NetworkKind
  /** Globes with the same link group keep the same camera, zoom and Earth rotation (cameraLink.ts). */
  linkGroup?: string
}

/**
 * The canvas and everything drawn in it. Frames are drawn on demand: the slow spin asks for the next one while
 * it turns (never under prefers-reduced-motion), dragging and flights ask for their own, and nothing asks while
 * the globe cannot be seen (visibility.ts). The pixel ratio adapts to how fast frames come (quality.ts).
 *
 * Every layer reads what to show from the GlobeView context: the active network, or one network fixed by the
 * `network` prop. The pointer and keyboard pick nodes and links and act with the tool in hand (Picking).
 */
export default function Globe({ zoom = true, network, linkGroup }: GlobeProps) {
  const reducedMotion = useReducedMotion()
  const earth = useRef<Group>(null)
  // The Canvas re-applies its dpr prop on every render: it must always be the tier AdaptivePixelRatio chose.
  const [pixelRatio, setPixelRatio] = useState(initialPixelRatio)
  // The cursor shows the tool in hand, and a touch on the page scrolls past the globe only with 'rotate'
  // (Globe.css).
  const tool = useAppStore((s) => s.tool)
  const background = SCENE_THEMES[useAppStore((s) => s.theme)].background

  // gl: the attributes the WebGL check asked for; the first globe takes over the context it made (webgl.ts).
  return (
    <Canvas
      className="globe"
      data-tool={tool}
      frameloop="demand"
      dpr={pixelRatio}
      flat
      gl={glAttributes()}
      camera={CAMERA}
    >
      <GlobeViewProvider network={network ?? null} linkGroup={linkGroup}>
        <color attach="background" args={[background]} />
        {/* Star sizes are in CSS pixels, so a change of tier does not resize them. */}
        <Stars pixelRatio={pixelRatio} />
        <CameraRig earth={earth} reducedMotion={reducedMotion} zoom={zoom} />
        <Spin earth={earth} enabled={!reducedMotion}>
          <Earth />
          <DisasterArea />
          <Land onFirstDraw={signalReady} />
          <People reducedMotion={reducedMotion} />
          {/* A globe fixed to one network builds that one only. */}
          {ALL_KINDS.filter((kind) => !network || kind === network).map((kind) => (
            <NetworkView key={kind} kind={kind} reducedMotion={reducedMotion} />
          ))}
          <Traffic reducedMotion={reducedMotion} />
          <Ripples reducedMotion={reducedMotion} />
        </Spin>
        {/* After CameraRig and Spin: their frame callbacks have moved the camera and the Earth by then. */}
        <CameraLink earth={earth} />
        <Atmosphere />
        <Labels earth={earth} />
        {/* The page's globe only: the compare view's halves sit under the same panel. */}
        {!network && <IncidentPins earth={earth} />}
        <SimDriver />
        <Animator />
        <PauseWhenHidden />
        <ContextLoss />
        <AdaptivePixelRatio onChange={setPixelRatio} />
        <RenderProbe />
        <Picking earth={earth} />
      </GlobeViewProvider>
    </Canvas>
  )
}

interface GlobeViewProviderProps {
  network: NetworkKind | null
  linkGroup: string | undefined
  children: ReactNode
}

/** What this globe shows and its per-globe state, for every layer in the canvas (globeView.ts). */
function GlobeViewProvider({ network, linkGroup, children }: GlobeViewProviderProps) {
  const invalidate = useThree((s) => s.invalidate)
  const gl = useThree((s) => s.gl)
  const [draft] = useState(createDraftArea)
  const [room] = useState(createRoomState)
  const link = useMemo(() => (linkGroup ? createLinkMember(linkGroup) : null), [linkGroup])

  useEffect(() => {
    if (!link) return
    joinLink(link, () => {
      if (shouldDraw()) invalidate()
    })
    // A globe already on screen when it joins (the page's globe as the compare view opens) leads, so the view
    // stays where the visitor left it rather than jumping to a new globe's first pose.
    if (gl.info.render.frame > 0) {
      claimLead(link)
      invalidate()
    }
    return () => leaveLink(link)
  }, [link, invalidate, gl])

  // The room the page's chrome leaves this globe (room.ts): the camera and the labels follow it.
  useEffect(
    () =>
      observeRoom(gl.domElement, (r) => {
        Object.assign(room, r)
        room.version++
        invalidate()
      }),
    [gl, room, invalidate],
  )

  const view = useMemo<GlobeView>(() => ({ network, draft, link, room }), [network, draft, link, room])
  return <GlobeViewContext.Provider value={view}>{children}</GlobeViewContext.Provider>
}
