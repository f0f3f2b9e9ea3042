// The baseline: React + react-chartjs-2 with the same chart.js parts the web app registers, and nothing else.
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
import { createRoot } from 'react-dom/client';
import { Bar, Line } from 'react-chartjs-2';

Chart.register(BarElement, LineElement, PointElement, CategoryScale, LinearScale, Filler, Tooltip, Legend);

const data = { labels: ['1', '2', '3'], datasets: [{ label: 'a', data: [1, 2, 3], fill: 0 }] };
createRoot(document.getElementById('root')).render(
  <>
    <Bar data={data} aria-label="bar" />
    <Line data={data} aria-label="line" />
  </>,
);
