// Edge code every runtime shares (Node CLI, browser pane): what core leaves to be injected.
export { timerClock } from './clock';
