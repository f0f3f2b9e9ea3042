import {
  BarElement,
  CategoryScale,
  Chart,
  Filler,
  Legend,
  LinearScale,
  LineElement,
  PointElement,
  Tooltip,
} from 'chart.js';

// Register only the parts the charts use so the bundle carries no unused controllers or scales.
// The Bar and Line components of react-chartjs-2 register their own controller.
Chart.register(BarElement, LineElement, PointElement, CategoryScale, LinearScale, Filler, Tooltip, Legend);

/** Status colours for graphics: ≥ 3:1 against white (WCAG non-text contrast). */
export const STATUS_CHART_COLOURS = { red: '#c62828', amber: '#b26a00', green: '#2e7d32', grey: '#78909c' } as const;

/** Distinct, colour-blind-safe line colours for department series (Okabe–Ito). */
export const SERIES_COLOURS = ['#0072b2', '#d55e00', '#009e73', '#cc79a7', '#56b4e9', '#e69f00', '#000000'];
