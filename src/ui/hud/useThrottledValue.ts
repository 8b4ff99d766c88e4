import { useEffect, useRef, useState } from 'react'

/**
 * The value, passed on at most once per `ms` (the latest one wins): a screen reader hears what happened about
 * once a second, not at every step of the simulation.
 */
export function useThrottledValue<T>(value: T, ms: number): T {
  const [shown, setShown] = useState(value)
  const lastAt = useRef(-Infinity)
  useEffect(() => {
    if (Object.is(value, shown)) return
    const wait = Math.max(0, lastAt.current + ms - performance.now())
    const id = setTimeout(() => {
      lastAt.current = performance.now()
      setShown(value)
    }, wait)
    return () => clearTimeout(id)
  }, [value, shown, ms])
  return shown
}
