import { useThree } from '@react-three/fiber'
import ReactThreeTestRenderer from '@react-three/test-renderer'
import { useEffect, useRef } from 'react'
import { Vector3, type Group, type PerspectiveCamera } from 'three'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { latLonToUnit } from '../sim/geo'
import { appStore } from '../store/appStore'
import { CameraRig } from './CameraRig'
import { FLIGHT_SECONDS } from './flyTo'
import { HOLD_AFTER_FLIGHT_SECONDS, idle } from './idle'
import { SimDriver } from './SimDriver'
import { Spin } from './Spin'
import { installThreeConsoleFilter } from './threeConsole'
import { setContextLost, setIntersecting, setPageVisible } from './visibility'

installThreeConsoleFilter()

let camera: PerspectiveCamera

function Scene({ reducedMotion = false }: { reducedMotion?: boolean }) {
  const earth = useRef<Group>(null)
  const cam = useThree((s) => s.camera) as PerspectiveCamera
  useEffect(() => {
    camera = cam
  }, [cam])
  return (
    <>
      <CameraRig earth={earth} reducedMotion={reducedMotion} />
      <Spin earth={earth} enabled={!reducedMotion} />
      <SimDriver />
    </>
  )
}

type Renderer = Awaited<ReturnType<typeof ReactThreeTestRenderer.create>>

/** The test renderer's canvas is a plain object; OrbitControls also listens on its document. */
const withDocument = (canvas: HTMLCanvasElement) => {
  Object.assign(canvas, { ownerDocument: { addEventListener() {}, removeEventListener() {} } })
}

/** Scene time, under the test's control: flights and the auto-rotation hold read performance.now(). */
let nowMs = 1_000_000
vi.spyOn(performance, 'now').mockImplementation(() => nowMs)

async function render(reducedMotion = false): Promise<Renderer> {
  const r = await ReactThreeTestRenderer.create(<Scene reducedMotion={reducedMotion} />, { beforeReturn: withDocument })
  await r.advanceFrames(1, 0.016)
  return r
}

function earthOf(r: Renderer): Group {
  return r.scene.instance.getObjectByName('earth') as Group
}

/**
 * Where a place is on screen (normalised device coordinates, the centre at 0, 0), and whether it faces the
 * camera (the cosine between its normal and the direction to the camera, from the globe's centre).
 */
function onScreen(r: Renderer, lat: number, lon: number): { x: number; y: number; facing: number } {
  const earth = earthOf(r)
  earth.updateMatrixWorld(true)
  camera.updateMatrixWorld(true)
  const u = latLonToUnit(lat, lon)
  const world = new Vector3(u[0], u[1], u[2]).applyMatrix4(earth.matrixWorld)
  const facing = world.clone().normalize().dot(camera.position.clone().normalize())
  const p = world.project(camera)
  return { x: p.x, y: p.y, facing }
}

beforeAll(async () => {
  await appStore.getState().load()
}, 30_000)

afterEach(async () => {
  setPageVisible(true)
  setIntersecting(true)
  setContextLost(false)
  await appStore.getState().reset()
  appStore.getState().setAutoRotate(true)
  // Let any hold from the test before run out.
  nowMs += 60_000
  idle.resumeAt = -Infinity
})

afterAll(() => {
  vi.restoreAllMocks()
})

describe('the globe turning by itself', () => {
  it('turns while free, and stands still hidden, off screen, with the context lost or when switched off', async () => {
    const r = await render()
    const earth = earthOf(r)
    const turned = async () => {
      const before = earth.rotation.y
      await r.advanceFrames(10, 0.05)
      return Math.abs(earth.rotation.y - before) > 1e-6
    }
    expect(await turned()).toBe(true)
    setPageVisible(false)
    expect(await turned()).toBe(false)
    setPageVisible(true)
    setIntersecting(false)
    expect(await turned()).toBe(false)
    setIntersecting(true)
    setContextLost(true)
    expect(await turned()).toBe(false)
    setContextLost(false)
    appStore.getState().setAutoRotate(false)
    expect(await turned()).toBe(false)
    appStore.getState().setAutoRotate(true)
    expect(await turned()).toBe(true)
    await r.unmount()
  })

  it('never turns by itself under reduced motion', async () => {
    const r = await render(true)
    const before = earthOf(r).rotation.y
    await r.advanceFrames(10, 0.05)
    expect(earthOf(r).rotation.y).toBe(before)
    await r.unmount()
  })
})

describe('the simulation clock', () => {
  it('advances while the globe is seen, and not while it is hidden or off screen', async () => {
    const r = await render()
    await appStore.getState().runScenario({ kind: 'random', fraction: 0.1 })
    const t = () => appStore.getState().slots.centralized!.view.t
    await r.advanceFrames(20, 0.1)
    const seen = t()
    expect(seen).toBeGreaterThan(0)
    setPageVisible(false)
    await r.advanceFrames(20, 0.1)
    expect(t()).toBe(seen)
    setPageVisible(true)
    setIntersecting(false)
    await r.advanceFrames(20, 0.1)
    expect(t()).toBe(seen)
    setIntersecting(true)
    await r.advanceFrames(20, 0.1)
    expect(t()).toBeGreaterThan(seen)
    await r.unmount()
  })
})

describe('flying to a scenario’s place', () => {
  const tokyo = { lat: 35.7, lon: 139.7 }

  it('brings the place to the middle of the screen in about 1.5 s, then holds it there', async () => {
    const r = await render()
    // The globe starts with Europe and Africa in front: Tokyo is round the back.
    expect(onScreen(r, tokyo.lat, tokyo.lon).facing).toBeLessThan(0)
    await appStore.getState().runScenario({ kind: 'region', ...tokyo, radiusKm: 500 })
    appStore.getState().pause()
    await r.advanceFrames(1, 0.016) // the flight starts
    nowMs += (FLIGHT_SECONDS / 2) * 1000
    await r.advanceFrames(1, 0.016)
    const mid = onScreen(r, tokyo.lat, tokyo.lon)
    expect(Math.abs(mid.x) + Math.abs(mid.y)).toBeGreaterThan(1e-3) // still on its way
    nowMs += (FLIGHT_SECONDS / 2) * 1000 + 20
    await r.advanceFrames(1, 0.016)
    const end = onScreen(r, tokyo.lat, tokyo.lon)
    expect(Math.abs(end.x)).toBeLessThan(1e-6)
    expect(Math.abs(end.y)).toBeLessThan(1e-6)
    expect(end.facing).toBeCloseTo(1, 9)
    // The auto-rotation holds for a while after the flight...
    nowMs += (HOLD_AFTER_FLIGHT_SECONDS - 1) * 1000
    await r.advanceFrames(10, 0.05)
    const held = onScreen(r, tokyo.lat, tokyo.lon)
    expect(Math.abs(held.x)).toBeLessThan(1e-6)
    // ...and then takes over again.
    nowMs += 5000
    await r.advanceFrames(10, 0.05)
    expect(Math.abs(onScreen(r, tokyo.lat, tokyo.lon).x)).toBeGreaterThan(1e-3)
    await r.unmount()
  })

  it('flies when a cascade’s place is known only a step after it starts', async () => {
    const r = await render()
    await appStore.getState().runScenario({ kind: 'cascade', alpha: 0.2, trigger: 'load' })
    appStore.getState().pause()
    expect(appStore.getState().focus).toBeNull()
    await appStore.getState().step()
    const focus = appStore.getState().focus
    expect(focus).not.toBeNull()
    await r.advanceFrames(1, 0.016)
    nowMs += FLIGHT_SECONDS * 1000 + 20
    await r.advanceFrames(1, 0.016)
    const end = onScreen(r, focus!.lat, focus!.lon)
    // Within the orbit's reach (|lat| ≤ 75°) the place is dead centre.
    expect(Math.abs(end.x)).toBeLessThan(1e-6)
    expect(Math.abs(end.y)).toBeLessThan(1e-6)
    await r.unmount()
  })

  it('jumps there at once under reduced motion', async () => {
    const r = await render(true)
    await appStore.getState().runScenario({ kind: 'region', lat: -33.9, lon: 151.2, radiusKm: 500 })
    await r.advanceFrames(1, 0.016)
    const end = onScreen(r, -33.9, 151.2)
    expect(Math.abs(end.x)).toBeLessThan(1e-6)
    expect(Math.abs(end.y)).toBeLessThan(1e-6)
    await r.unmount()
  })
})
