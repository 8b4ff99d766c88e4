import { useFrame, useThree } from '@react-three/fiber'
import { useEffect, useRef, type ReactNode } from 'react'
import { MathUtils, type Group } from 'three'
import { SPIN_RADIANS_PER_SECOND, START_LONGITUDE } from './constants'

/** The y rotation that turns the given longitude towards the camera (+z); see latLonToUnit in src/sim/geo.ts. */
export function rotationFacing(lonDeg: number): number {
  return -(Math.PI / 2 + MathUtils.degToRad(lonDeg))
}

const INITIAL_ROTATION: [number, number, number] = [0, rotationFacing(START_LONGITUDE), 0]

interface SpinProps {
  /** False under prefers-reduced-motion, or while the visitor drags. */
  enabled: boolean
  children?: ReactNode
}

/** Turns its children slowly about the Earth's axis, west to east, asking for each next frame while it does. */
export function Spin({ enabled, children }: SpinProps) {
  const group = useRef<Group>(null)
  const invalidate = useThree((s) => s.invalidate)

  // Resume the frame loop when spinning is switched back on.
  useEffect(() => {
    if (enabled) invalidate()
  }, [enabled, invalidate])

  useFrame((_, delta) => {
    if (!enabled || !group.current) return
    // Clamp: the first frame after an idle spell (tab hidden, reduced motion) would otherwise jump.
    group.current.rotation.y += Math.min(delta, 0.1) * SPIN_RADIANS_PER_SECOND
    invalidate()
  })

  return (
    <group ref={group} rotation={INITIAL_ROTATION}>
      {children}
    </group>
  )
}
