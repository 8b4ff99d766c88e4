import { METROS } from '../../sim/regions'
import { NumberInput, SelectInput } from './Field'
import { NO_PLACE, SCENARIO_PARAMS, type ScenarioFields, type ScenarioResult } from './scenarioForm'

interface Props {
  id: string
  fields: ScenarioFields
  invalid: Exclude<ScenarioResult, { ok: true }> | null
  onChange: (change: Partial<ScenarioFields>) => void
}

const TRIGGERS = [
  { value: 'load', label: 'The busiest node' },
  { value: 'degree', label: 'The best connected node' },
  { value: 'random', label: 'A random node' },
] as const

const TARGETS = [
  { value: 'degree', label: 'Best connected first' },
  { value: 'load', label: 'Busiest first' },
] as const

const OPERATORS = [
  { value: 'largest', label: 'The largest operator' },
  { value: 'all', label: 'Every operator (one release)' },
] as const

/** The parameters of the scenario picked, and only those. */
export function ScenarioParams({ id, fields: f, invalid, onChange }: Props) {
  const error = (field: string) => (invalid?.field === field ? invalid.message : null)
  const params = SCENARIO_PARAMS[f.kind]
  if (params.length === 0) return null
  const none = NO_PLACE[f.kind]
  const places = [
    ...(none ? [none] : []),
    ...METROS.map((m) => ({ value: m.id, label: m.name })),
    { value: 'custom', label: 'Latitude and longitude…' },
  ]

  return (
    <div className="ctl-grid">
      {params.map((p) => {
        switch (p) {
          case 'place':
            return (
              <div key={p} className="ctl-grid__wide">
                <SelectInput
                  id={`${id}-place`}
                  label={f.kind === 'spread' ? 'Starts at' : 'Where'}
                  value={f.place}
                  options={places}
                  error={error('place')}
                  onChange={(place) => onChange({ place })}
                />
              </div>
            )
          case 'radiusKm':
            return (
              <NumberInput
                key={p}
                id={`${id}-radiusKm`}
                label="Radius (km)"
                min={1}
                max={20_000}
                step={50}
                value={f.radiusKm}
                error={error('radiusKm')}
                onChange={(radiusKm) => onChange({ radiusKm })}
              />
            )
          case 'percent':
            return (
              <NumberInput
                key={p}
                id={`${id}-percent`}
                label={f.kind === 'links' ? 'Links cut (%)' : 'Nodes failed (%)'}
                min={0}
                max={100}
                step={1}
                value={f.percent}
                error={error('percent')}
                onChange={(percent) => onChange({ percent })}
              />
            )
          case 'alpha':
            return (
              <NumberInput
                key={p}
                id={`${id}-alpha`}
                label="Tolerance α"
                hint="spare capacity over the initial load"
                min={0}
                max={100}
                step={0.05}
                value={f.alpha}
                error={error('alpha')}
                onChange={(alpha) => onChange({ alpha })}
              />
            )
          case 'transmissibility':
            return (
              <NumberInput
                key={p}
                id={`${id}-transmissibility`}
                label="Transmissibility T"
                hint={f.kind === 'push' ? 'chance a machine takes the push' : 'chance it passes along a link'}
                min={0}
                max={1}
                step={0.05}
                value={f.transmissibility}
                error={error('transmissibility')}
                onChange={(transmissibility) => onChange({ transmissibility })}
              />
            )
          case 'trigger':
            return (
              <SelectInput
                key={p}
                id={`${id}-trigger`}
                label="First to fail"
                value={f.trigger}
                options={TRIGGERS}
                onChange={(trigger) => onChange({ trigger })}
              />
            )
          case 'by':
            return (
              <SelectInput
                key={p}
                id={`${id}-by`}
                label="Target"
                value={f.by}
                options={TARGETS}
                onChange={(by) => onChange({ by })}
              />
            )
          case 'operator':
            return (
              <SelectInput
                key={p}
                id={`${id}-operator`}
                label="Operator"
                value={f.operator}
                options={OPERATORS}
                onChange={(operator) => onChange({ operator })}
              />
            )
        }
      })}
      {params.includes('place') && f.place === 'custom' && (
        <>
          <NumberInput
            id={`${id}-lat`}
            label="Latitude"
            hint="−90 (south) to 90"
            min={-90}
            max={90}
            step={0.1}
            value={f.lat}
            error={error('lat')}
            onChange={(lat) => onChange({ lat })}
          />
          <NumberInput
            id={`${id}-lon`}
            label="Longitude"
            hint="−180 (west) to 180"
            min={-180}
            max={180}
            step={0.1}
            value={f.lon}
            error={error('lon')}
            onChange={(lon) => onChange({ lon })}
          />
        </>
      )}
    </div>
  )
}
