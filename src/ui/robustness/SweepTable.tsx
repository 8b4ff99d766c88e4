import { sweepRows, type SweepLine, type SweepResults } from './robustnessData'

const percent = (v: number) => `${v.toFixed(1)}%`

/** The chart's figures, for reading out and for checking: mean ± standard deviation over the trials, in percent. */
export function SweepTable({
  lines,
  results,
  xTitle,
}: {
  lines: readonly SweepLine[]
  results: SweepResults
  xTitle: string
}) {
  const rows = sweepRows(lines, results)
  return (
    <details className="robust__figures">
      <summary>The figures</summary>
      <div className="robust__scroll">
        <table className="robust__table">
          <caption>Mean ± standard deviation over the trials, in percent.</caption>
          <thead>
            <tr>
              <th scope="col">{xTitle}</th>
              {lines.map((l) => (
                <th key={`${l.kind}:${l.metric}`} scope="col" data-kind={l.kind} data-metric={l.metric}>
                  {l.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.percent}>
                <th scope="row">{r.percent}%</th>
                {r.values.map((v, i) => (
                  <td key={i}>
                    {v ? (
                      <>
                        {percent(v.mean)}
                        <span className="robust__sd"> ± {v.sd.toFixed(1)}</span>
                      </>
                    ) : (
                      '–'
                    )}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  )
}
