import { addAfterEffect, useFrame, useThree } from '@react-three/fiber'
import { useEffect, useRef } from 'react'
import { Vector3, type Object3D, type PerspectiveCamera } from 'three'
import { emptyStats, setStatsSource, type RenderStats } from '../embed/pageApi'
import { takeSimulationTime } from './frameTiming'
import { discRadiusPx } from './view'

const MAX_FRAME_TIMES = 120
/** Runs before every other frame callback. */
const FIRST = -1_000_000

/** Where a globe is seen from, as drawn in its last frame: read-only figures for tests of linked cameras. */
export interface GlobeViewFigures {
  /** The camera's position (it always looks at the centre), in Earth radii. */
  x: number
  y: number
  z: number
  /** The Earth's turn about its axis, radians. */
  turn: number
  /**
   * The Earth's disc on screen (the ocean sphere, without its halo): centre and radius in CSS pixels of the page's
   * viewport. It may reach beyond the window when zoomed in.
   */
  disc: { x: number; y: number; r: number }
  /**
   * Frames this canvas has drawn. Frames come on demand, so a count that stands still for a while means the scene
   * has finished every transition (a colour fading, a label making way, a flight): tests and screenshots wait on it.
   */
  frame: number
}

/** The figures of one canvas's renderer, as stats() lists them per globe, and where it is seen from. */
export type GlobeRenderStats = Omit<RenderStats, 'frameTimesMs' | 'simulationTimesMs'> & { view: GlobeViewFigures }

/** What stats() answers: the first globe's figures (the page's globe), and every globe's on its own. */
export interface PageRenderStats extends RenderStats {
  /** One entry per canvas, in the order they were mounted (two in the compare view). */
  globes: GlobeRenderStats[]
}

/** The figures of every canvas on the page (the compare view has two), each written in place by its probe. */
const probes: { stats: RenderStats; view: GlobeViewFigures; canvas: HTMLCanvasElement }[] = []
let withdraw: (() => void) | null = null

function globeFigures({ stats, view, canvas }: (typeof probes)[number]): GlobeRenderStats {
  const { drawCalls, triangles, points, lines, geometries, textures, programs, pixelRatio } = stats
  // The disc is kept in the canvas's own pixels each frame; where the canvas is on the page is read only here.
  const box = canvas.getBoundingClientRect()
  const disc = { x: view.disc.x + box.left, y: view.disc.y + box.top, r: view.disc.r }
  return {
    drawCalls,
    triangles,
    points,
    lines,
    geometries,
    textures,
    programs,
    pixelRatio,
    view: { ...view, disc },
  }
}

function pageStats(): PageRenderStats {
  const first = probes[0]!.stats
  return {
    ...first,
    frameTimesMs: [...first.frameTimesMs],
    simulationTimesMs: [...first.simulationTimesMs],
    globes: probes.map(globeFigures),
  }
}

/**
 * Keeps the figures behind `window.p2pglobe.stats()`. three's renderer.info resets its per-frame counts at the
 * start of each render() (autoReset), so they are copied once the frame has ended, and stats() returns that copy.
 * With two globes (the compare view) each canvas has its own renderer: stats() gives the first one's figures as
 * before, and every canvas's own under `globes`.
 */
export function RenderProbe() {
  const gl = useThree((s) => s.gl)
  const camera = useThree((s) => s.camera)
  const scene = useThree((s) => s.scene)
  // The canvas's size, read after each frame (not subscribed to: nothing here re-renders).
  const getState = useThree((s) => s.get)
  const frameStart = useRef(0)

  useFrame(() => {
    frameStart.current = performance.now()
  }, FIRST)

  useEffect(() => {
    // Written in place every frame (no allocation); stats() hands out copies.
    const last: RenderStats = emptyStats()
    const frameTimes = last.frameTimesMs
    const simTimes = last.simulationTimesMs
    const view: GlobeViewFigures = { x: 0, y: 0, z: 0, turn: 0, disc: { x: 0, y: 0, r: 0 }, frame: 0 }
    const centre = new Vector3()
    /** The group the Earth turns in (Spin's), found once it exists. */
    let earth: Object3D | undefined
    let lastFrame = gl.info.render.frame
    const removeAfter = addAfterEffect(() => {
      const { render, memory, programs } = gl.info
      if (render.frame === lastFrame) return // this tick rendered nothing
      lastFrame = render.frame
      view.frame = render.frame
      frameTimes.push(performance.now() - frameStart.current)
      simTimes.push(takeSimulationTime())
      if (frameTimes.length > MAX_FRAME_TIMES) {
        frameTimes.shift()
        simTimes.shift()
      }
      last.drawCalls = render.calls
      last.triangles = render.triangles
      last.points = render.points
      last.lines = render.lines
      last.geometries = memory.geometries
      last.textures = memory.textures
      last.programs = programs?.length ?? 0
      last.pixelRatio = gl.getPixelRatio()
      view.x = camera.position.x
      view.y = camera.position.y
      view.z = camera.position.z
      earth ??= scene.getObjectByName('earth')
      view.turn = earth?.rotation.y ?? 0
      // The sphere's outline: its angular radius asin(R/d) at the camera's focal length in pixels (the view
      // offset, if any, only moves the picture, and the projection of the centre carries that).
      const { width, height } = getState().size
      const cam = camera as PerspectiveCamera
      centre.set(0, 0, 0).project(cam)
      view.disc.x = (centre.x + 1) * 0.5 * width
      view.disc.y = (1 - centre.y) * 0.5 * height
      view.disc.r = discRadiusPx(cam.position.length(), cam.fov, cam.zoom, height)
    })
    // One source for the page, whatever the number of canvases: it answers while any probe is mounted.
    const probe = { stats: last, view, canvas: gl.domElement }
    probes.push(probe)
    withdraw ??= setStatsSource(pageStats)
    return () => {
      removeAfter()
      probes.splice(probes.indexOf(probe), 1)
      if (probes.length === 0) {
        withdraw?.()
        withdraw = null
      }
    }
  }, [gl, camera, scene, getState])

  return null
}
