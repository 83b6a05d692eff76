// Chart.js, with only the parts the portal draws registered. Each chart has a text alternative
// (aria-label) and sits next to a table with the same numbers.
import { useEffect, useRef } from 'react';
import {
  BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip,
  type ChartConfiguration, type Plugin,
} from 'chart.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, LineController, LineElement, PointElement, Legend, Tooltip);
Chart.defaults.font.family = 'system-ui, -apple-system, "Segoe UI", "Hiragino Sans", "Noto Sans JP", sans-serif';
Chart.defaults.color = '#1f2933';
Chart.defaults.animation = false;

/** Colours that stay apart for colour-blind readers (Okabe-Ito). */
export const palette = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000', '#999999', '#7F3C8D', '#11A579'];

export const bandColours = {
  BAND_33_TO_50: 'rgba(0, 114, 178, 0.12)',
  BAND_50_TO_66: 'rgba(0, 114, 178, 0.26)',
  BAND_OVER_66: 'rgba(0, 114, 178, 0.42)',
};

/**
 * Shades the programme's reporting bands behind a chart of percentages on the y axis:
 * 33.3-50 %, 50-66.7 % and over 66.7 %, each a stronger tint.
 */
export const bandShading: Plugin<'bar'> = {
  id: 'bandShading',
  beforeDatasetsDraw(chart) {
    const { ctx, chartArea, scales } = chart;
    const y = scales.y;
    if (!y) return;
    const bands: [number, number, string][] = [
      [33.3, 50, bandColours.BAND_33_TO_50],
      [50, 66.7, bandColours.BAND_50_TO_66],
      [66.7, 100, bandColours.BAND_OVER_66],
    ];
    ctx.save();
    for (const [from, to, colour] of bands) {
      const top = y.getPixelForValue(to);
      const bottom = y.getPixelForValue(from);
      ctx.fillStyle = colour;
      ctx.fillRect(chartArea.left, top, chartArea.right - chartArea.left, bottom - top);
    }
    ctx.restore();
  },
};

export function ChartCanvas({ config, label, height = 280 }: { config: ChartConfiguration; label: string; height?: number }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (!canvas.current) return;
    const chart = new Chart(canvas.current, {
      ...config,
      options: { responsive: true, maintainAspectRatio: false, ...config.options },
    });
    return () => chart.destroy();
  }, [config]);
  return (
    <div className="chart" style={{ height }}>
      <canvas ref={canvas} role="img" aria-label={label} />
    </div>
  );
}
