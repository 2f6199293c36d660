export { cursorRoute, linkRoute, offsetRoute, pageRoute, queryRoute } from './pages';
