/**
 * The themes as written in theme.css: text meets WCAG AA (4.5:1) on the page and on every panel, wherever the
 * panel sits (over the page or over the globe's sea and land); and the state colours stay apart for protanopes,
 * deuteranopes and tritanopes, in the scene and in the HUD.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { PALETTE, SCENE_THEMES } from '../../scene/constants'
import { THEMES, type Theme } from '../../store/store'
import { contrastRatio, deltaE, DEFICIENCIES, over, parseColor, simulate, type Rgb } from './colorVision'

const css = readFileSync(new URL('./theme.css', import.meta.url), 'utf8')

/** The custom properties of each theme's block in theme.css (dark is also the :root default). */
function themeVars(theme: Theme): Record<string, string> {
  const selector =
    theme === 'dark'
      ? /:root,\s*:root\[data-theme='dark'\]\s*\{/
      : new RegExp(`:root\\[data-theme='${theme}'\\]\\s*\\{`)
  const start = css.search(selector)
  if (start < 0) throw new Error(`no block for ${theme} in theme.css`)
  const body = css.slice(css.indexOf('{', start) + 1, css.indexOf('}', start))
  const vars: Record<string, string> = {}
  for (const m of body.matchAll(/(--[\w-]+):\s*([^;]+);/g)) vars[m[1]!] = m[2]!.trim()
  return vars
}

const TEXT = ['--fg', '--muted', '--accent', '--ok', '--warn', '--bad'] as const
const AA = 4.5
/** Colours that are not text but must be told apart (state marks, chart lines): a clear difference. */
const DISTINCT = 40

describe.each(THEMES)('the %s theme', (theme) => {
  const v = themeVars(theme)
  const rgb = (name: string): Rgb => parseColor(v[name] ?? '').rgb
  const bg = rgb('--bg')
  const scene = SCENE_THEMES[theme]
  // What a translucent panel can sit on: the page, the lit sea, the land, the atmosphere's glow.
  const under = [bg, ...[scene.oceanLit, scene.land, scene.atmosphere].map((c) => parseColor(c).rgb)]
  const panels = under.flatMap((u) => [over(parseColor(v['--panel']!), u), over(parseColor(v['--panel-solid']!), u)])

  it('defines every colour the overlays use', () => {
    for (const name of [...TEXT, '--bg', '--panel', '--panel-solid', '--strong', '--on', '--on-accent', '--line']) {
      expect(v[name], name).toBeTruthy()
    }
  })

  it.each(TEXT)('has %s text at AA contrast on the page and on every panel', (name) => {
    for (const surface of [bg, ...panels]) expect(contrastRatio(rgb(name), surface)).toBeGreaterThanOrEqual(AA)
  })

  it('has AA text on a selected control and on the accent fill', () => {
    for (const panel of panels) {
      expect(contrastRatio(rgb('--strong'), over(parseColor(v['--on']!), panel))).toBeGreaterThanOrEqual(AA)
    }
    expect(contrastRatio(rgb('--on-accent'), rgb('--accent'))).toBeGreaterThanOrEqual(AA)
  })

  it.each(DEFICIENCIES)('keeps healthy, trouble and failure apart under %s', (d) => {
    const [ok, warn, bad] = (['--ok', '--warn', '--bad'] as const).map((n) => simulate(rgb(n), d))
    expect(deltaE(ok!, bad!)).toBeGreaterThan(DISTINCT)
    expect(deltaE(ok!, warn!)).toBeGreaterThan(DISTINCT)
    // Yellow and vermillion come close for protanopes and deuteranopes, and closer still where both must be dark
    // enough for AA on a light page: there the HUD's icons and words (severity.ts) carry the difference.
    expect(deltaE(warn!, bad!)).toBeGreaterThan(theme === 'light' ? 8 : 20)
  })

  it('matches the canvas background to the page', () => {
    expect(scene.background.toLowerCase()).toBe(v['--bg']!.toLowerCase())
  })
})

describe('the scene palette', () => {
  const c = (hex: string) => parseColor(hex).rgb
  const healthy = (['centralized', 'decentralized', 'p2p', 'imported'] as const).flatMap((k) =>
    Object.values(PALETTE[k]).map((hex) => [`${k} ${hex}`, hex] as const),
  )

  it.each(DEFICIENCIES)('tells every healthy node and link from a failed one under %s', (d) => {
    for (const [name, hex] of healthy) {
      expect(deltaE(simulate(c(hex), d), simulate(c(PALETTE.failed), d)), name).toBeGreaterThan(DISTINCT)
    }
  })

  it.each(DEFICIENCIES)('tells people served from people losing services under %s', (d) => {
    expect(deltaE(simulate(c(PALETTE.people), d), simulate(c(PALETTE.peopleLosing), d))).toBeGreaterThan(DISTINCT)
  })

  it('would have caught the old amber cloud against its red failures (the measure discriminates)', () => {
    const [amber, red] = [c('#ffb547'), c('#ff3b3b')]
    expect(deltaE(amber, red)).toBeGreaterThan(DISTINCT)
    expect(deltaE(simulate(amber, 'deuteranopia'), simulate(red, 'deuteranopia'))).toBeLessThan(DISTINCT)
  })
})
