import { useAppStore } from '../../store/appStore'
import { THEMES, type Theme } from '../../store/store'

export const THEME_LABELS: Record<Theme, string> = {
  dark: 'Dark',
  projector: 'Projector',
  light: 'Light',
}

/** Dark for screens, Projector for a stage (larger type, stronger contrast), Light for print. Kept between visits. */
export function ThemePicker() {
  const theme = useAppStore((s) => s.theme)
  const setTheme = useAppStore((s) => s.setTheme)
  return (
    <fieldset className="ctl-choices theme-picker">
      <legend className="ctl-visually-hidden">Theme</legend>
      {THEMES.map((t) => (
        <label key={t} className="ctl-choice" data-theme-choice={t}>
          <input type="radio" name="ctl-theme" value={t} checked={theme === t} onChange={() => setTheme(t)} />
          <span>{THEME_LABELS[t]}</span>
        </label>
      ))}
    </fieldset>
  )
}
