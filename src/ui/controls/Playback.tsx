import { useState } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { useAppStore } from '../../store/appStore'
import { STEP_MINUTES } from '../../store/store'
import { SPEED_STEPS, formatClock, formatSpeed, sliderFromSpeed, speakSpeed, speedFromSlider } from './playback'
import { useTask } from './useTask'

/** The simulated clock and what moves it: play or pause, one step, the speed, and back to healthy. */
export function Playback() {
  const { ready, playing, speed, t } = useAppStore(
    useShallow((s) => ({
      ready: s.status === 'ready',
      playing: s.playing,
      speed: s.speed,
      t: s.slots[s.active]?.view.t ?? 0,
    })),
  )
  const { play, pause, step, reset, setSpeed } = useAppStore(
    useShallow((s) => ({ play: s.play, pause: s.pause, step: s.step, reset: s.reset, setSpeed: s.setSpeed })),
  )
  const task = useTask()
  // Steps are not gated like a reset: the store queues them, so three quick presses make three steps.
  const [stepError, setStepError] = useState<string | null>(null)

  return (
    <section className="ctl-section ctl-playback" aria-labelledby="ctl-time-title">
      <h2 className="ctl-section__title" id="ctl-time-title">
        Time
      </h2>
      <div className="ctl-playback__top">
        <p className="ctl-clock" role="timer" aria-label="Simulated time">
          {formatClock(t)}
        </p>
        <div className="ctl-row ctl-row--tight">
          <button
            type="button"
            className="ctl-button ctl-button--primary ctl-button--icon"
            data-action={playing ? 'pause' : 'play'}
            disabled={!ready}
            onClick={() => (playing ? pause() : play())}
          >
            <span className={`ctl-icon ctl-icon--${playing ? 'pause' : 'play'}`} aria-hidden="true" />
            {playing ? 'Pause' : 'Play'}
          </button>
          <button
            type="button"
            className="ctl-button"
            data-action="step"
            aria-label={`Step ${STEP_MINUTES} simulated minute`}
            title={`One step: ${STEP_MINUTES} simulated minute`}
            disabled={!ready}
            onClick={() => {
              // A step is for looking closely: stop the clock so the moment stays on screen.
              pause()
              setStepError(null)
              step(1).catch((e: unknown) => setStepError(e instanceof Error ? e.message : String(e)))
            }}
          >
            Step
          </button>
          <button
            type="button"
            className="ctl-button"
            data-action="reset"
            title="Back to healthy networks at T+ 0"
            disabled={!ready}
            onClick={() => void task.run(() => reset())}
          >
            Reset
          </button>
        </div>
      </div>
      <div className="ctl-speed">
        <label htmlFor="ctl-speed" className="ctl-field__label">
          Speed
        </label>
        <input
          id="ctl-speed"
          className="ctl-range"
          type="range"
          min={0}
          max={SPEED_STEPS}
          step={1}
          value={sliderFromSpeed(speed)}
          aria-valuetext={speakSpeed(speed)}
          onChange={(e) => setSpeed(speedFromSlider(Number(e.target.value)))}
        />
        <output htmlFor="ctl-speed" className="ctl-speed__value">
          {formatSpeed(speed)}
        </output>
      </div>
      {(task.error ?? stepError) && (
        <p className="ctl-message ctl-message--error" role="alert">
          {task.error ?? stepError}
        </p>
      )}
    </section>
  )
}
