import { render } from 'preact';
import { App } from './app.js';
import { startI18n } from './i18n/index.js';
import './styles/app.css';
import './styles/print.css';

await startI18n();
const root = document.getElementById('app');
if (root) render(<App />, root);
